using Portal.Data.Entities;

namespace Portal.Sync.Health;

/// <summary>What the health page shows for one tenant.</summary>
public sealed record TenantHealthReport(
    bool OdooConfigured,
    IReadOnlyList<HealthCheck> Checks,
    IReadOnlyList<StoreHealth> Stores,
    IReadOnlyList<FlowHealth> Flows,
    IReadOnlyList<FailureReason> FailuresLastDay,
    DateTimeOffset Now)
{
    /// <summary>What a check looked at, in the words the merchant uses: "Odoo" or the store's name.</summary>
    public string LabelOf(HealthCheck check) =>
        check.Target == HealthTargets.Odoo ? "Odoo"
        : HealthTargets.StoreOf(check.Target) is { } storeId && Stores.SingleOrDefault(s => s.Id == storeId) is { } store ? $"{store.Name} ({store.Platform})"
        : check.Target;
}

/// <summary>
/// One store's intake: whether it is enabled, when it was last polled and how far the poll has read, and
/// each webhook subscription its features need as the last check found it.
/// </summary>
public sealed record StoreHealth(
    Guid Id,
    string Name,
    StorePlatform Platform,
    bool Enabled,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? PolledUpTo,
    IReadOnlyList<WebhookSubscription> Subscriptions);

/// <summary>One flow's queue and its last day: what waits and since when, what ran, when it last worked.</summary>
public sealed record FlowHealth(
    string Flow,
    int Pending,
    int Running,
    int Retrying,
    int NeedsAttention,
    DateTimeOffset? OldestWaitingSince,
    int SucceededLastDay,
    int FailedLastDay,
    DateTimeOffset? LastSuccessAt);

/// <summary>How often one error stopped an attempt in the last day.</summary>
public sealed record FailureReason(string Flow, string Error, int Count);
