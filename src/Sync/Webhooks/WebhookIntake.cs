using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Webhooks;

/// <summary>
/// Accepts a webhook without processing it: verifies the signature, keeps the raw body in the inbox once
/// per delivery, and queues the job that will fetch fresh data and act. Anything signed is kept and
/// answered 2xx, also when it cannot be used: a non-2xx makes the platform resend the same bytes, and
/// Shopify deletes a subscription after repeated failures.
/// </summary>
public sealed class WebhookIntake(WebhookStores stores, WebhookInbox inbox, IEnumerable<IWebhookDialect> dialects, TimeProvider clock)
{
    private readonly Dictionary<StorePlatform, IWebhookDialect> dialectsByPlatform = dialects.ToDictionary(d => d.Platform);

    public async Task<WebhookReceipt> AcceptAsync(
        StorePlatform platform, Guid storeId, Func<string, StringValues> header, string? contentType, byte[] body, CancellationToken cancellationToken = default)
    {
        var dialect = dialectsByPlatform[platform];
        var store = await stores.FindAsync(storeId, cancellationToken);
        if (store is null || store.Platform != platform || !store.TakesWebhooks)
        {
            return new WebhookReceipt(WebhookOutcome.UnknownStore, $"No enabled {platform} store has the id {storeId}.");
        }

        if (dialect.IsPing(header, contentType, body))
        {
            return new WebhookReceipt(WebhookOutcome.Ping, "Ping received.");
        }

        var now = clock.GetUtcNow();
        var signature = dialect.Signature(header);
        if (!store.Verifies(body, signature, now))
        {
            return new WebhookReceipt(WebhookOutcome.Forged, signature is null ? "The signature header is missing." : "The signature does not match.");
        }

        var topic = dialect.Topic(header) ?? "";
        var (status, problem, work) = Classify(dialect, store.Id, topic, contentType, body);
        var delivery = new WebhookDelivery
        {
            TenantId = store.TenantId,
            StoreId = store.Id,
            Topic = topic,
            DeliveryKey = dialect.DeliveryId(header) ?? $"sha256:{Convert.ToHexStringLower(SHA256.HashData(body))}",
            ReceivedAt = now,
            Body = body,
            ContentType = contentType,
            Headers = KeptHeaders(dialect, header),
            Status = status,
            Problem = problem,
        };

        var job = work is { } accepted ? JobFor(store, delivery, accepted.Route, accepted.Resource) : null;
        var kept = await inbox.KeepAsync(delivery, job, cancellationToken);
        if (kept.Redelivered)
        {
            return new WebhookReceipt(WebhookOutcome.Duplicate, "Already received.", kept.DeliveryId, kept.JobId);
        }

        return status switch
        {
            WebhookDeliveryStatus.Accepted => new WebhookReceipt(WebhookOutcome.Accepted, "Accepted.", kept.DeliveryId, kept.JobId),
            WebhookDeliveryStatus.Malformed => new WebhookReceipt(WebhookOutcome.Malformed, problem!, delivery.Id),
            _ => new WebhookReceipt(WebhookOutcome.Unsupported, problem!, delivery.Id),
        };
    }

    private static JobRequest JobFor(WebhookStore store, WebhookDelivery delivery, WebhookRoute route, WebhookResource resource)
    {
        var payload = new JsonObject
        {
            ["deliveryId"] = delivery.Id,
            ["topic"] = delivery.Topic,
            ["resourceId"] = resource.Id,
        };
        if (resource.ParentId is { } parentId)
        {
            // A refund's flow reads the refund from its order.
            payload["orderId"] = parentId;
        }

        return new JobRequest(route.Flow, Truncate(route.Subject(resource), 300), route.SubjectKey(resource),
            route.EventKey(resource) ?? $"{store.Platform}:{store.Id}:{delivery.DeliveryKey}", payload.ToJsonString(), store.Id);
    }

    /// <summary>Accepted with the flow and resource its job needs, or kept with the reason it cannot be used.</summary>
    private static (WebhookDeliveryStatus Status, string? Problem, (WebhookRoute Route, WebhookResource Resource)? Work) Classify(
        IWebhookDialect dialect, Guid storeId, string topic, string? contentType, byte[] body)
    {
        if (topic.Length == 0)
        {
            return (WebhookDeliveryStatus.Malformed, "The topic header is missing.", null);
        }

        if (dialect.Route(topic) is not { } route)
        {
            return (WebhookDeliveryStatus.Unsupported, $"The connector does not use the topic '{topic}'.", null);
        }

        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (WebhookDeliveryStatus.Malformed, $"The body is '{contentType ?? "without a content type"}', not application/json.", null);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return dialect.Resource(storeId, json.RootElement) is { } resource
                ? (WebhookDeliveryStatus.Accepted, null, (route, resource))
                : (WebhookDeliveryStatus.Malformed, $"The body is a JSON {WebhookJson.Describe(json.RootElement.ValueKind)} without the resource's id.", null);
        }
        catch (JsonException ex)
        {
            return (WebhookDeliveryStatus.Malformed, $"The body is not valid JSON: {ex.Message}", null);
        }
    }

    private static string KeptHeaders(IWebhookDialect dialect, Func<string, StringValues> header)
    {
        var kept = new JsonObject();
        foreach (var (name, value) in dialect.HeadersToKeep(header))
        {
            kept[name] = value;
        }

        return kept.ToJsonString();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
