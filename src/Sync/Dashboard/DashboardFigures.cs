using Portal.Sync.Jobs;

namespace Portal.Sync.Dashboard;

/// <summary>What a tenant's dashboard shows: orders brought into Odoo, what is failing and why, what waits, when each store last synced, and jobs per hour.</summary>
public sealed record DashboardFigures(
    int OrdersToday,
    int OrdersLastSevenDays,
    IReadOnlyList<JobFailureGroup> Failures,
    int Backlog,
    DateTimeOffset? OldestWaitingSince,
    IReadOnlyList<StoreLastSync> Stores,
    IReadOnlyList<JobsInHour> JobsPerHour);

/// <summary>A store and when a job of it last succeeded (null: never).</summary>
public sealed record StoreLastSync(Guid StoreId, string Name, DateTimeOffset? LastSucceededAt);

/// <summary>Jobs that succeeded, and that failed or were parked, in the hour starting at <paramref name="Hour"/> (UTC).</summary>
public sealed record JobsInHour(DateTimeOffset Hour, int Succeeded, int Failed);
