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
        // Ends: a retry needs the job that held the key to end between the two steps, and ended jobs stay ended.
        while (true)
        {
            if (await TryInsertAsync(tenantId, request, cancellationToken) is { } created)
            {
                return new EnqueueResult(created, EnqueueOutcome.Created);
            }

            await using var db = For(tenantId);
            if (await CountDuplicateAsync(db, request.IdentityKey, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }
        }
    }

    /// <summary>
    /// Inserts the job and its history row in one command, unless its event already succeeded; the unique
    /// index on the active identity key refuses it when the event is pending, running, failed or parked, also
    /// when another instance inserted it a moment earlier. Null when it was not inserted.
    /// </summary>
    private async Task<Guid?> TryInsertAsync(Guid tenantId, JobRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();

        // Webhooks enqueue one event at a time, so this is the queue's hottest path: plain ADO.NET, no context.
        await using var connection = await activator.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using var sql = new JobSqlCommand(activator.Model, transaction);
        var jobId = sql.Add<Job>(nameof(Job.Id), id);
        var tenant = sql.Add<Job>(nameof(Job.TenantId), tenantId);
        var store = sql.Add<Job>(nameof(Job.StoreId), request.StoreId);
        var flow = sql.Add<Job>(nameof(Job.Flow), request.Flow);
        var subject = sql.Add<Job>(nameof(Job.Subject), request.Subject);
        var subjectKey = sql.Add<Job>(nameof(Job.SubjectKey), request.SubjectKey);
        var identityKey = sql.Add<Job>(nameof(Job.IdentityKey), request.IdentityKey);
        var payload = sql.Add<Job>(nameof(Job.Payload), request.Payload);
        var priority = sql.Add<Job>(nameof(Job.Priority), request.Priority);
        var pending = sql.Add<Job>(nameof(Job.State), JobState.Pending);
        var succeeded = sql.Add<Job>(nameof(Job.State), JobState.Succeeded);
        var maxAttempts = sql.Add<Job>(nameof(Job.MaxAttempts), retry.Value.For(request.Flow).MaxAttempts);
        var nextRun = sql.Add<Job>(nameof(Job.NextRunAt), request.RunAt ?? now);
        var at = sql.Add<Job>(nameof(Job.CreatedAt), now);
        var actor = sql.Add<JobStateChange>(nameof(JobStateChange.Actor), SystemActor);
        var reason = sql.Add<JobStateChange>(nameof(JobStateChange.Reason), "enqueued");
        try
        {
            var rows = await sql.ExecuteAsync($"""
                INSERT INTO [Jobs] ([Id], [TenantId], [StoreId], [Flow], [Subject], [SubjectKey], [IdentityKey], [ActiveIdentityKey], [Payload],
                                    [Priority], [State], [Attempts], [MaxAttempts], [NextRunAt], [DuplicatesSkipped], [CreatedAt], [UpdatedAt])
                SELECT {jobId}, {tenant}, {store}, {flow}, {subject}, {subjectKey}, {identityKey}, {identityKey}, {payload},
                       {priority}, {pending}, 0, {maxAttempts}, {nextRun}, 0, {at}, {at}
                WHERE NOT EXISTS (SELECT 1 FROM [Jobs] WHERE [TenantId] = {tenant} AND [IdentityKey] = {identityKey} AND [State] = {succeeded});
                INSERT INTO [JobStateChanges] ([TenantId], [JobId], [At], [To], [Actor], [Reason])
                SELECT [TenantId], [Id], [CreatedAt], [State], {actor}, {reason} FROM [Jobs] WHERE [Id] = {jobId};
                """, cancellationToken);
            if (rows == 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Counts the event on the job that holds its identity key (the active one, else the one that succeeded).
    /// Null when there is none, because that job ended meanwhile.
    /// </summary>
    private static async Task<EnqueueResult?> CountDuplicateAsync(PortalDbContext db, string identityKey, CancellationToken cancellationToken)
    {
        // A job's active identity key is its identity key or null, so one index lookup finds both kinds of holder.
        var holder = await db.Jobs
            .Where(j => j.IdentityKey == identityKey && (j.ActiveIdentityKey != null || j.State == JobState.Succeeded))
            .OrderBy(j => j.ActiveIdentityKey == null)
            .Select(j => new { j.Id, Active = j.ActiveIdentityKey != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return null;
        }

        await db.Jobs.Where(j => j.Id == holder.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.DuplicatesSkipped, j => j.DuplicatesSkipped + 1), cancellationToken);
        return new EnqueueResult(holder.Id, holder.Active ? EnqueueOutcome.Collapsed : EnqueueOutcome.SkippedDuplicate);
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
