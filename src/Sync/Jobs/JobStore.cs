using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Jobs;

/// <summary>
/// The durable queue. Every transition is one conditional UPDATE (it happens only if the job is still in
/// the state the caller saw) plus its history row, in one transaction. The database's unique indexes keep
/// one active job per identity key and one running job per subject, also across portal instances.
/// </summary>
public sealed class JobStore(PortalDbContextActivator activator, TimeProvider clock, IOptions<JobRetryPolicy> retry)
{
    public const string SystemActor = "system";

    public async Task<EnqueueResult> EnqueueAsync(Guid tenantId, JobRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = For(tenantId);
        if (await FindActiveAsync(db, request.IdentityKey, cancellationToken) is { } active)
        {
            return await CollapseAsync(db, active, cancellationToken);
        }

        var succeeded = await db.Jobs.Where(j => j.IdentityKey == request.IdentityKey && j.State == JobState.Succeeded)
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (succeeded is { } done)
        {
            await db.Jobs.Where(j => j.Id == done).ExecuteUpdateAsync(s => s.SetProperty(j => j.DuplicatesSkipped, j => j.DuplicatesSkipped + 1), cancellationToken);
            return new EnqueueResult(done, EnqueueOutcome.SkippedDuplicate);
        }

        var now = clock.GetUtcNow();
        var job = new Job
        {
            Flow = request.Flow,
            Subject = request.Subject,
            SubjectKey = request.SubjectKey,
            IdentityKey = request.IdentityKey,
            ActiveIdentityKey = request.IdentityKey,
            Payload = request.Payload,
            StoreId = request.StoreId,
            Priority = request.Priority,
            State = JobState.Pending,
            MaxAttempts = retry.Value.For(request.Flow).MaxAttempts,
            NextRunAt = request.RunAt ?? now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        db.JobStateChanges.Add(History(job.Id, null, JobState.Pending, SystemActor, "enqueued", now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EnqueueResult(job.Id, EnqueueOutcome.Created);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another instance enqueued the same event a moment earlier.
            await using var again = For(tenantId);
            return await CollapseAsync(again, (await FindActiveAsync(again, request.IdentityKey, cancellationToken))!.Value, cancellationToken);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due jobs of any tenant for <paramref name="owner"/> until the lease
    /// expires; a running job whose lease expired (its instance died) is claimed again.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(ClaimedJob Job, JobState State, string? PreviousOwner)> candidates;
        await using (var db = activator.Create(NoTenant.Instance))
        {
            // Everything the worker needs is read here, so a successful claim costs no further read.
            candidates = (await Due(db.Jobs.IgnoreQueryFilters(), now)
                    .OrderByDescending(j => j.Priority).ThenBy(j => j.NextRunAt)
                    .Take(max * 4)
                    .Select(j => new { j.Id, j.TenantId, j.StoreId, j.Flow, j.Subject, j.Payload, j.Attempts, j.State, j.LeaseOwner })
                    .ToListAsync(cancellationToken))
                .Select(j => (new ClaimedJob(j.Id, j.TenantId, j.StoreId, j.Flow, j.Subject, j.Payload, j.Attempts + 1), j.State, j.LeaseOwner))
                .ToList();
        }

        var claimed = new List<ClaimedJob>();
        foreach (var candidate in candidates)
        {
            if (claimed.Count == max)
            {
                break;
            }

            await using var db = For(candidate.Job.TenantId);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            int rows;
            try
            {
                // The attempt number read above holds only if nobody claimed the job in between, so it guards too.
                rows = await Due(db.Jobs, now).Where(j => j.Id == candidate.Job.Id && j.Attempts == candidate.Job.Attempt - 1).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, JobState.Running)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseExpiresAt, now + lease)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.UpdatedAt, now), cancellationToken);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another job of the same subject is running; this one waits its turn.
                continue;
            }

            if (rows == 0)
            {
                continue;
            }

            var reason = candidate.State == JobState.Running
                ? $"claimed by {owner} after the lease of {candidate.PreviousOwner} expired"
                : $"claimed by {owner}";
            db.JobStateChanges.Add(History(candidate.Job.Id, candidate.State, JobState.Running, SystemActor, reason, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            claimed.Add(candidate.Job);
        }

        return claimed;
    }

    /// <summary>Marks a claimed job done; false when the lease was lost meanwhile (another instance took it over).</summary>
    public Task<bool> CompleteAsync(ClaimedJob job, string owner, TimeSpan duration, CancellationToken cancellationToken = default) =>
        TransitionAsync(job.TenantId, job.Id, JobState.Running, JobState.Succeeded, SystemActor, "completed", null, duration,
            query => query.Where(j => j.LeaseOwner == owner),
            s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.ActiveIdentityKey, (string?)null).SetProperty(j => j.ErrorKind, (string?)null)
                .SetProperty(j => j.LastError, (string?)null).SetProperty(j => j.ErrorFingerprint, (string?)null).SetProperty(j => j.FixPath, (string?)null),
            cancellationToken);

    /// <summary>
    /// Records a failed attempt: a transient failure is retried after a backoff until the attempts run out;
    /// anything else, or the last attempt, parks the job for a person.
    /// </summary>
    public async Task<bool> FailAsync(ClaimedJob job, string owner, JobFailure failure, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var policy = retry.Value.For(job.Flow);
        var now = clock.GetUtcNow();
        var retrying = failure.Kind == JobErrorKind.Transient && job.Attempt < policy.MaxAttempts;
        var nextRun = retrying ? now + policy.DelayAfter(job.Attempt, failure.RetryAfter, Random.Shared.NextDouble()) : now;
        var reason = retrying
            ? $"attempt {job.Attempt} failed; next attempt at {nextRun:yyyy-MM-dd HH:mm:ss} UTC"
            : failure.Kind == JobErrorKind.Transient ? $"gave up after {job.Attempt} attempts" : $"parked: {failure.Kind} error";
        var kind = failure.Kind.ToString();
        var fingerprint = failure.Fingerprint;
        return await TransitionAsync(job.TenantId, job.Id, JobState.Running, retrying ? JobState.Failed : JobState.NeedsAttention, SystemActor, reason,
            failure.Message, duration,
            query => query.Where(j => j.LeaseOwner == owner),
            s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.NextRunAt, nextRun).SetProperty(j => j.ErrorKind, kind).SetProperty(j => j.LastError, failure.Message)
                .SetProperty(j => j.ErrorFingerprint, fingerprint).SetProperty(j => j.FixPath, failure.FixPath),
            cancellationToken);
    }

    /// <summary>On shutdown: gives this instance's running jobs back, so another instance runs them now rather than after the lease.</summary>
    public async Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var db = activator.Create(NoTenant.Instance);
        var mine = await db.Jobs.IgnoreQueryFilters().Where(j => j.State == JobState.Running && j.LeaseOwner == owner)
            .Select(j => new { j.Id, j.TenantId }).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var job in mine)
        {
            var done = await TransitionAsync(job.TenantId, job.Id, JobState.Running, JobState.Pending, SystemActor, $"released by {owner} at shutdown", null, null,
                query => query.Where(j => j.LeaseOwner == owner),
                s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.Attempts, j => j.Attempts - 1).SetProperty(j => j.NextRunAt, clock.GetUtcNow()),
                cancellationToken);
            released += done ? 1 : 0;
        }

        return released;
    }

    /// <summary>A person's retry: runs the job now with a fresh set of attempts. False when it changed state meanwhile.</summary>
    public async Task<bool> RetryAsync(Guid tenantId, Guid jobId, JobState seenState, string actor, CancellationToken cancellationToken = default)
    {
        if (!JobTransitions.Retryable.Contains(seenState))
        {
            return false;
        }

        try
        {
            return await TransitionAsync(tenantId, jobId, seenState, JobState.Pending, actor, "retried", null, null, query => query,
                s => s.SetProperty(j => j.NextRunAt, clock.GetUtcNow()).SetProperty(j => j.Attempts, 0)
                    .SetProperty(j => j.ActiveIdentityKey, j => j.IdentityKey),
                cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A newer job for the same event is already active; this one stays as it was.
            return false;
        }
    }

    /// <summary>A person's decision that a job should not run; the reason is kept in its history.</summary>
    public async Task<bool> IgnoreAsync(Guid tenantId, Guid jobId, JobState seenState, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return JobTransitions.Ignorable.Contains(seenState)
               && await TransitionAsync(tenantId, jobId, seenState, JobState.Cancelled, actor, $"ignored: {reason.Trim()}", null, null, query => query,
                   s => s.SetProperty(j => j.ActiveIdentityKey, (string?)null),
                   cancellationToken);
    }

    private async Task<bool> TransitionAsync(
        Guid tenantId,
        Guid jobId,
        JobState from,
        JobState to,
        string actor,
        string reason,
        string? error,
        TimeSpan? duration,
        Func<IQueryable<Job>, IQueryable<Job>> guard,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Job>> changes,
        CancellationToken cancellationToken)
    {
        if (!JobTransitions.IsAllowed(from, to))
        {
            throw new InvalidOperationException($"A job cannot go from {from} to {to}.");
        }

        var now = clock.GetUtcNow();
        await using var db = For(tenantId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await guard(db.Jobs.Where(j => j.Id == jobId && j.State == from)).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(j => j.State, to).SetProperty(j => j.UpdatedAt, now);
            changes(s);
        }, cancellationToken);
        if (rows == 0)
        {
            return false;
        }

        db.JobStateChanges.Add(History(jobId, from, to, actor, reason, now, error, duration));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<EnqueueResult> CollapseAsync(PortalDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.DuplicatesSkipped, j => j.DuplicatesSkipped + 1), cancellationToken);
        return new EnqueueResult(jobId, EnqueueOutcome.Collapsed);
    }

    private static async Task<Guid?> FindActiveAsync(PortalDbContext db, string identityKey, CancellationToken cancellationToken) =>
        await db.Jobs.Where(j => j.ActiveIdentityKey == identityKey).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<Job> Due(IQueryable<Job> jobs, DateTimeOffset now) =>
        jobs.Where(j => ((j.State == JobState.Pending || j.State == JobState.Failed) && j.NextRunAt <= now)
                        || (j.State == JobState.Running && j.LeaseExpiresAt < now));

    private PortalDbContext For(Guid tenantId)
    {
        var tenant = new TenantContext();
        tenant.EnterAsSystem(tenantId);
        return activator.Create(tenant);
    }

    private static JobStateChange History(Guid jobId, JobState? from, JobState to, string actor, string reason, DateTimeOffset at, string? error = null, TimeSpan? duration = null) =>
        new() { JobId = jobId, From = from, To = to, Actor = actor, Reason = reason, At = at, Error = error, Duration = duration };
}
