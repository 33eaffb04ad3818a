using Portal.Data.Entities;
using Portal.Sync.Mapping;
using Portal.Sync.Stores;

namespace Portal.Sync.Settings.SelfTest;

/// <summary>
/// Compares the topics a store's features need with what we recorded and what the store really has: a needed topic
/// that is not subscribed, is disabled, or sends to another address fails, fixed by registering the webhooks again.
/// </summary>
internal static class WebhookSubscriptionCheck
{
    public const string Name = "Webhook subscriptions";

    public static SelfTestCheck Evaluate(
        StoreOrderSetup setup, IReadOnlyList<string> needed, IReadOnlyList<WebhookSubscription> recorded, IReadOnlyList<RemoteWebhook> remote, Uri address)
    {
        if (needed.Count == 0)
        {
            return new(Name, SelfTestOutcome.Passed, "No enabled feature needs webhooks.");
        }

        var problems = needed.Select(topic => Problem(topic, recorded, remote, address)).OfType<string>().ToList();
        return problems.Count == 0
            ? new(Name, SelfTestOutcome.Passed, $"All {needed.Count} topics the features need send to {address.AbsoluteUri}.")
            : new(Name, SelfTestOutcome.Failed, $"{string.Join("; ", problems)}. Register webhooks again.", setup.FixPath("settings?tab=monitor"));
    }

    private static string? Problem(string topic, IReadOnlyList<WebhookSubscription> recorded, IReadOnlyList<RemoteWebhook> remote, Uri address)
    {
        var subscribed = remote.Where(w => string.Equals(w.Topic, topic, StringComparison.OrdinalIgnoreCase)).ToList();
        if (subscribed.Any(w => w.Active && w.Address == address))
        {
            return recorded.Any(r => string.Equals(r.Topic, topic, StringComparison.OrdinalIgnoreCase)) ? null : $"{topic} is subscribed but was never recorded";
        }

        if (subscribed.FirstOrDefault(w => w.Address == address) is not null)
        {
            return $"{topic} is disabled by the store";
        }

        return subscribed.FirstOrDefault() is { } elsewhere
            ? $"{topic} sends to {elsewhere.Address.AbsoluteUri} instead of {address.AbsoluteUri}"
            : $"{topic} is not subscribed";
    }
}
