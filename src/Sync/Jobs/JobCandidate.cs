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
    /// Up to <paramref name="take"/> waiting jobs that are due (pending, or failed and at their retry time) and
    /// up to as many running jobs whose lease expired, each highest priority and longest waiting first, leaving
    /// out the subjects with a job running and the <paramref name="fullStores"/>. The waiting ones are read in
    /// the order of the waiting index (IX_Jobs_Waiting) up to <paramref name="take"/>, the running ones from the
    /// running subjects' index, so neither a long backlog nor a long history costs anything.
    /// </summary>
    public static IQueryable<JobCandidate> Query(IQueryable<Job> jobs, DateTimeOffset now, Guid[] fullStores, int take)
    {
        var waiting = jobs
            .Where(j => j.State == JobState.Pending || j.State == JobState.Failed)
            .Where(j => j.NextRunAt <= now && !jobs.Any(running => running.SubjectKey == j.SubjectKey && running.State == JobState.Running));
        var expired = jobs.Where(j => j.State == JobState.Running && j.LeaseExpiresAt < now);
        return Best(waiting, fullStores, take)
            .Concat(Best(expired, fullStores, take))
            .Select(j => new JobCandidate(j.Id, j.TenantId, j.StoreId, j.Flow, j.Subject, j.SubjectKey, j.Payload, j.Priority, j.NextRunAt, j.State, j.Attempts, j.LeaseOwner));
    }

    private static IQueryable<Job> Best(IQueryable<Job> due, Guid[] fullStores, int take) => due
        .Where(j => j.StoreId == null || !fullStores.Contains(j.StoreId.Value))
        .OrderByDescending(j => j.Priority).ThenBy(j => j.NextRunAt)
        .Take(take);
}
