namespace Portal.Data.Entities;

/// <summary>One transition of a job, append-only: when, from, to, who (system or a person), why, and the error.</summary>
public class JobStateChange : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid JobId { get; set; }
    public DateTimeOffset At { get; set; }
    public JobState? From { get; set; }
    public JobState To { get; set; }
    public required string Actor { get; set; }
    public required string Reason { get; set; }
    public string? Error { get; set; }

    /// <summary>What a person needs to understand the error: Odoo's exception and traceback, both sides of a total that does not match.</summary>
    public string? ErrorDetail { get; set; }

    /// <summary>How long the attempt ran, for transitions that end one.</summary>
    public TimeSpan? Duration { get; set; }
}
