using Portal.Data.Entities;

namespace Portal.Sync.Health;

/// <summary>What the health page shows for one tenant.</summary>
public sealed record TenantHealthReport(
    bool OdooConfigured,
    IReadOnlyList<HealthCheck> Checks,
    IReadOnlyList<FlowHealth> Flows,
    IReadOnlyList<FailureReason> FailuresLastDay,
    DateTimeOffset Now);

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
