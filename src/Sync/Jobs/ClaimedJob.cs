namespace Portal.Sync.Jobs;

/// <summary>A job a worker holds a lease on; <see cref="Attempt"/> counts this attempt.</summary>
public sealed record ClaimedJob(Guid Id, Guid TenantId, Guid? StoreId, string Flow, string Subject, string Payload, int Attempt);
