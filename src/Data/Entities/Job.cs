namespace Portal.Data.Entities;

/// <summary>
/// One unit of sync work and its current state. Every change of state is also recorded in
/// <see cref="JobStateChange"/>; only the job engine's state machine changes it.
/// </summary>
public class Job : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid? StoreId { get; set; }

    /// <summary>The flow that runs it, e.g. "orders.import".</summary>
    public required string Flow { get; set; }

    /// <summary>What it is about, for people: "Order #1001".</summary>
    public required string Subject { get; set; }

    /// <summary>Jobs with the same subject key never run at the same time (one order, one SKU).</summary>
    public required string SubjectKey { get; set; }

    /// <summary>Dedupes: the same event twice is one job.</summary>
    public required string IdentityKey { get; set; }

    /// <summary>The identity key while the job is pending, running, failed or parked; null once it ended. Unique per tenant.</summary>
    public string? ActiveIdentityKey { get; set; }

    /// <summary>Small JSON: identifiers and a reference to the stored webhook body; flows fetch fresh data.</summary>
    public string Payload { get; set; } = "{}";

    public int Priority { get; set; }
    public JobState State { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public DateTimeOffset NextRunAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>Replays of an already succeeded identity key, counted instead of run again.</summary>
    public int DuplicatesSkipped { get; set; }

    public string? ErrorKind { get; set; }

    /// <summary>The page where a configuration error is fixed, e.g. "mappings/tax".</summary>
    public string? FixPath { get; set; }
    public string? LastError { get; set; }

    /// <summary>Groups jobs failing for the same root cause, e.g. the same missing mapping.</summary>
    public string? ErrorFingerprint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
