using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>A due job as a claim reads it: everything the worker needs, and what the claim checks before taking it.</summary>
internal sealed record JobCandidate(
    Guid Id,
    Guid TenantId,
    Guid? StoreId,
    string Flow,
    string Subject,
    string SubjectKey,
    string Payload,
    int Priority,
    DateTimeOffset NextRunAt,
    JobState State,
    int Attempts,
    string? LeaseOwner)
{
    public ClaimedJob Claimed => new(Id, TenantId, StoreId, Flow, Subject, Payload, Attempts + 1);

    /// <summary>
    /// Up to <paramref name="take"/> jobs of each due kind (pending, failed and waiting for their retry, running
    /// with an expired lease), highest priority and longest waiting first, leaving out the stores already at
    /// their limit and the subjects with a job running. Each kind is read in the order of the index on
    /// (State, Priority, NextRunAt) and stops after <paramref name="take"/>, so a long backlog costs nothing.
    /// </summary>
    public static Task<List<JobCandidate>> ReadAsync(IQueryable<Job> jobs, DateTimeOffset now, IReadOnlyCollection<Guid> fullStores, int take, CancellationToken cancellationToken)
    {
        IQueryable<Job> Waiting(JobState state) => jobs
            .Where(j => j.State == state && j.NextRunAt <= now)
            .Where(j => !jobs.Any(running => running.SubjectKey == j.SubjectKey && running.State == JobState.Running));
        var expired = jobs.Where(j => j.State == JobState.Running && j.LeaseExpiresAt < now);

        return Best(Waiting(JobState.Pending), fullStores, take)
            .Concat(Best(Waiting(JobState.Failed), fullStores, take))
            .Concat(Best(expired, fullStores, take))
            .Select(j => new JobCandidate(j.Id, j.TenantId, j.StoreId, j.Flow, j.Subject, j.SubjectKey, j.Payload, j.Priority, j.NextRunAt, j.State, j.Attempts, j.LeaseOwner))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Job> Best(IQueryable<Job> jobs, IReadOnlyCollection<Guid> fullStores, int take) => jobs
        .Where(j => j.StoreId == null || !fullStores.Contains(j.StoreId.Value))
        .OrderByDescending(j => j.Priority).ThenBy(j => j.NextRunAt)
        .Take(take);
}
