namespace Portal.Data.Entities;

/// <summary>
/// One run of a store-wide operation (a stock reconciliation, a product matching dry run, an export): its
/// progress while it runs, for the progress bar, and its counts afterwards, for the report.
/// </summary>
public class SyncRun : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public SyncRunKind Kind { get; set; }
    public SyncRunState State { get; set; }

    /// <summary>Who started it; null for the schedule.</summary>
    public string? StartedBy { get; set; }

    /// <summary>How many items the run will look at, once known.</summary>
    public int Total { get; set; }

    /// <summary>How many items it has looked at so far.</summary>
    public int Processed { get; set; }

    /// <summary>Items that were wrong and were fixed (reconciliation), matched (matching), or written (export).</summary>
    public int Changed { get; set; }

    /// <summary>Items that need a person: failed writes, ambiguous or unmatched variants.</summary>
    public int Problems { get; set; }

    /// <summary>One sentence for the run's report, or why it failed.</summary>
    public string? Summary { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
