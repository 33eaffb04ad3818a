namespace Portal.Sync.Jobs;

/// <summary>
/// A job a worker holds a lease on; <see cref="Attempt"/> counts this attempt. Its flow records in
/// <see cref="Effects"/> what the job store commits with the attempt's outcome.
/// </summary>
public sealed record ClaimedJob(Guid Id, Guid TenantId, Guid? StoreId, string Flow, string Subject, string Payload, int Attempt)
{
    public JobEffects Effects { get; } = new();
}
