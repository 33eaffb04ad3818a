using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Jobs;

/// <summary>
/// The durable queue. Every transition is one conditional UPDATE (it happens only if the job is still in
/// the state the caller saw) plus its history row, in one transaction. The database's unique indexes keep
/// one active job per identity key and one running job per subject, also across portal instances. The hot
/// paths (enqueue, claim, complete) write with plain statements (<see cref="JobStatements"/>); the rest with
/// EF Core.
/// </summary>
public sealed class JobStore(PortalDbContextActivator activator, TimeProvider clock, IOptions<JobRetryPolicy> retry, IOptions<JobEngineOptions> engine)
    : IDisposable
{
    public const string SystemActor = "system";

    private readonly WriterTurns writers = new(activator.Provider);

    public async Task<EnqueueResult> EnqueueAsync(Guid tenantId, JobRequest request, CancellationToken cancellationToken = default)
    {
        // Ends: a unique violation means another instance committed the event's job after this one looked, and the
        // next round finds that job (or the job that succeeded after it; ended jobs stay ended).
        while (true)
        {
            try
            {
                // Webhooks and polling enqueue one event at a time, so this is the queue's hottest path: plain ADO.NET, no context.
                await using var connection = await ConnectAsync(cancellationToken);
                return await WriteAsync(connection, (write, token) => EnqueueAsync(write, tenantId, request, token), cancellationToken);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
            }
        }
    }

    /// <summary>A connection for <see cref="WriteAsync"/>, whose statements stay prepared as long as it is kept.</summary>
    internal async Task<JobConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new(activator.Model, await activator.OpenConnectionAsync(cancellationToken));

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on <paramref name="connection"/>, in this process's turn to
    /// write, and commits it: for callers that write their own rows with a job (<see cref="EnqueueAsync(JobConnection, Guid, JobRequest, CancellationToken)"/>).
    /// </summary>
    internal async Task<T> WriteAsync<T>(JobConnection connection, Func<JobConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var turn = await writers.TakeAsync(cancellationToken);
        return await connection.InTransactionAsync(work, cancellationToken);
    }

    /// <summary>
    /// Queues the job in the transaction of <see cref="WriteAsync"/>, unless its event already has a job that is
    /// pending, running, failed, parked or succeeded: then the event is counted on that job. On SQLite the
    /// transaction holds the only write lock, so what it reads stays true; on SQL Server another instance may
    /// queue the same event in between, and the unique index on the active identity key refuses the second insert.
    /// </summary>
    internal async Task<EnqueueResult> EnqueueAsync(JobConnection connection, Guid tenantId, JobRequest request, CancellationToken cancellationToken)
    {
        // Ends: the insert finds a holder only while one exists, and a holder vanishes only when it is ignored, which frees the key.
        while (true)
        {
            if (await TryInsertAsync(connection, tenantId, request, cancellationToken) is { } created)
            {
                return new EnqueueResult(created, EnqueueOutcome.Created);
            }

            if (await HolderAsync(connection, tenantId, request.IdentityKey, cancellationToken) is { } holder)
            {
                await connection.Statement(JobStatements.CountDuplicate)
                    .Bind<Job>("@Id", nameof(Job.Id), holder.Id)
                    .ExecuteAsync(cancellationToken);
                return new EnqueueResult(holder.Id, holder.Active ? EnqueueOutcome.Collapsed : EnqueueOutcome.SkippedDuplicate);
            }
        }
    }

    /// <summary>Inserts the job and its history row in one command, unless its event has a job already; null then.</summary>
    private async Task<Guid?> TryInsertAsync(JobConnection connection, Guid tenantId, JobRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var inserted = await connection.Statement(JobStatements.Enqueue)
            .Bind<Job>("@Id", nameof(Job.Id), id)
            .Bind<Job>("@TenantId", nameof(Job.TenantId), tenantId)
            .Bind<Job>("@StoreId", nameof(Job.StoreId), request.StoreId)
            .Bind<Job>("@Flow", nameof(Job.Flow), request.Flow)
            .Bind<Job>("@Subject", nameof(Job.Subject), request.Subject)
            .Bind<Job>("@SubjectKey", nameof(Job.SubjectKey), request.SubjectKey)
            .Bind<Job>("@IdentityKey", nameof(Job.IdentityKey), request.IdentityKey)
            .Bind<Job>("@Payload", nameof(Job.Payload), request.Payload)
            .Bind<Job>("@Priority", nameof(Job.Priority), request.Priority)
            .Bind<Job>("@Pending", nameof(Job.State), JobState.Pending)
            .Bind<Job>("@Cancelled", nameof(Job.State), JobState.Cancelled)
            .Bind<Job>("@MaxAttempts", nameof(Job.MaxAttempts), retry.Value.For(request.Flow).MaxAttempts)
            .Bind<Job>("@NextRunAt", nameof(Job.NextRunAt), request.RunAt ?? now)
            .Bind<Job>("@Now", nameof(Job.CreatedAt), now)
            .Bind<JobStateChange>("@Actor", nameof(JobStateChange.Actor), SystemActor)
            .Bind<JobStateChange>("@Reason", nameof(JobStateChange.Reason), "enqueued")
            .ExecuteAsync(cancellationToken);
        return inserted > 0 ? id : null;
    }

    /// <summary>The job that holds an identity key: the active one, else the one that succeeded; null when there is none.</summary>
    private static async Task<(Guid Id, bool Active)?> HolderAsync(JobConnection connection, Guid tenantId, string identityKey, CancellationToken cancellationToken)
    {
        await using var reader = await connection.Statement(JobStatements.Holder)
            .Bind<Job>("@TenantId", nameof(Job.TenantId), tenantId)
            .Bind<Job>("@IdentityKey", nameof(Job.IdentityKey), identityKey)
            .Bind<Job>("@Cancelled", nameof(Job.State), JobState.Cancelled)
            .ReadAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetGuid(0), !await reader.IsDBNullAsync(1, cancellationToken)) : null;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due jobs of any tenant for <paramref name="owner"/> until the lease
    /// expires, in one transaction; a running job whose lease expired (its instance died) is claimed again.
    /// A store never has more than <see cref="JobEngineOptions.StoreConcurrency"/> jobs running with a live
    /// lease, counted across instances, and a subject never has two.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var perStore = engine.Value.StoreConcurrency;
        using var turn = await writers.TakeAsync(cancellationToken);
        await using var db = activator.Create(NoTenant.Instance);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SerialiseClaimsAsync(db, cancellationToken);
        var jobs = db.Jobs.IgnoreQueryFilters();

        // No other claim runs until this one commits, so these counts stay true meanwhile; a job ending only lowers them.
        var running = (await jobs.Where(j => j.State == JobState.Running && j.StoreId != null && j.LeaseExpiresAt >= now)
                .Select(j => j.StoreId!.Value)
                .ToListAsync(cancellationToken))
            .CountBy(store => store)
            .ToDictionary();
        var fullStores = running.Where(store => store.Value >= perStore).Select(store => store.Key).ToArray();

        // Twice as many as wanted, in case some share a subject or fill their store.
        var candidates = await JobCandidate.Query(jobs, now, fullStores, max * 2).ToListAsync(cancellationToken);

        var claimed = new List<ClaimedJob>();
        var history = new List<JobStateChange>();
        var subjects = new HashSet<string>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Priority).ThenBy(c => c.NextRunAt))
        {
            if (claimed.Count == max)
            {
                break;
            }

            var storeFull = candidate.StoreId is { } store && running.GetValueOrDefault(store) >= perStore;
            if (storeFull || subjects.Contains(candidate.SubjectKey) || !await TakeAsync(transaction.GetDbTransaction(), candidate, owner, now + lease, now, cancellationToken))
            {
                continue;
            }

            if (candidate.StoreId is { } taken)
            {
                running[taken] = running.GetValueOrDefault(taken) + 1;
            }

            subjects.Add(candidate.SubjectKey);
            claimed.Add(candidate.Claimed);
            var reason = candidate.State == JobState.Running
                ? $"claimed by {owner} after the lease of {candidate.LeaseOwner} expired"
                : $"claimed by {owner}";
            history.Add(History(candidate.TenantId, candidate.Id, candidate.State, JobState.Running, SystemActor, reason, now));
        }

        await JobHistory.AppendAsync(activator.Model, transaction.GetDbTransaction(), history, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Makes claims take turns across instances, so that what one claim counts stays true until it commits. On
    /// SQLite the claim's transaction already holds the database's only write lock from its first statement
    /// (BEGIN IMMEDIATE). On SQL Server an exclusive application lock, released when the transaction ends, does
    /// the same; claims then never overlap, which costs little as each is a few short statements for a batch.
    /// </summary>
    private async Task SerialiseClaimsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (activator.Provider == DatabaseProvider.SqlServer)
        {
            await db.Database.ExecuteSqlRawAsync(JobStatements.ClaimLock, cancellationToken);
        }
    }

    private async Task<bool> TakeAsync(DbTransaction transaction, JobCandidate candidate, string owner, DateTimeOffset leaseExpires, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var sql = new JobSqlCommand(activator.Model, transaction, JobStatements.Take)
            .Bind<Job>("@Running", nameof(Job.State), JobState.Running)
            .Bind<Job>("@Pending", nameof(Job.State), JobState.Pending)
            .Bind<Job>("@Failed", nameof(Job.State), JobState.Failed)
            .Bind<Job>("@Owner", nameof(Job.LeaseOwner), owner)
            .Bind<Job>("@LeaseExpiresAt", nameof(Job.LeaseExpiresAt), leaseExpires)
            .Bind<Job>("@Now", nameof(Job.UpdatedAt), now)
            .Bind<Job>("@Id", nameof(Job.Id), candidate.Id)
            .Bind<Job>("@Attempts", nameof(Job.Attempts), candidate.Attempts);
        try
        {
            return await sql.ExecuteAsync(cancellationToken) == 1;
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The candidates leave out running subjects, but the unique index is what guarantees one at a time.
            return false;
        }
    }

    /// <summary>Marks a claimed job done; false when the lease was lost meanwhile (another instance took it over).</summary>
    public async Task<bool> CompleteAsync(ClaimedJob job, string owner, TimeSpan duration, CancellationToken cancellationToken = default) =>
        (await CompleteAsync([(job, duration)], owner, cancellationToken)).Count == 0;

    /// <summary>
    /// Marks claimed jobs done, in one transaction; returns those whose lease was lost meanwhile (another
    /// instance took them over, and its outcome stands).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedJob>> CompleteAsync(IReadOnlyCollection<(ClaimedJob Job, TimeSpan Duration)> done, string owner, CancellationToken cancellationToken = default)
    {
        if (done.Count == 0)
        {
            return [];
        }

        // Ends: a unique violation comes from a link or a follow-up another instance committed meanwhile, which the next round finds.
        while (true)
        {
            try
            {
                // Every job ends here, so like enqueueing it is plain ADO.NET, no context.
                await using var connection = await ConnectAsync(cancellationToken);
                return await WriteAsync(connection, (write, token) => CompleteAsync(write, done, owner, token), cancellationToken);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
            }
        }
    }

    /// <summary>The jobs' completions, with their effects, in the transaction of <paramref name="write"/>.</summary>
    private async Task<IReadOnlyList<ClaimedJob>> CompleteAsync(JobConnection write, IReadOnlyCollection<(ClaimedJob Job, TimeSpan Duration)> done, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lost = new List<ClaimedJob>();
        var history = new List<JobStateChange>();
        foreach (var (job, duration) in done)
        {
            // The Odoo records exist whoever's outcome stands, so their links are kept either way.
            await JobEffectsWriter.WriteLinksAsync(activator.Model, write.Transaction, job, now, cancellationToken);
            var completed = await write.Statement(JobStatements.Complete)
                .Bind<Job>("@Succeeded", nameof(Job.State), JobState.Succeeded)
                .Bind<Job>("@Running", nameof(Job.State), JobState.Running)
                .Bind<Job>("@Now", nameof(Job.UpdatedAt), now)
                .Bind<Job>("@Id", nameof(Job.Id), job.Id)
                .Bind<Job>("@Owner", nameof(Job.LeaseOwner), owner)
                .ExecuteAsync(cancellationToken);
            if (completed == 0)
            {
                lost.Add(job);
                continue;
            }

            foreach (var followUp in job.Effects.FollowUps)
            {
                await EnqueueAsync(write, job.TenantId, followUp, cancellationToken);
            }

            history.Add(History(job.TenantId, job.Id, JobState.Running, JobState.Succeeded, SystemActor, "completed", now, null, duration));
        }

        await JobHistory.AppendAsync(activator.Model, write.Transaction, history, cancellationToken);
        return lost;
    }

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
            cancellationToken,
            (transaction, now, token) => JobEffectsWriter.WriteLinksAsync(activator.Model, transaction, job, now, token),
            failure.Detail);
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
        CancellationToken cancellationToken,
        Func<DbTransaction, DateTimeOffset, CancellationToken, Task>? alsoWrite = null,
        string? errorDetail = null)
    {
        if (!JobTransitions.IsAllowed(from, to))
        {
            throw new InvalidOperationException($"A job cannot go from {from} to {to}.");
        }

        var now = clock.GetUtcNow();
        using var turn = await writers.TakeAsync(cancellationToken);
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

        await JobHistory.AppendAsync(activator.Model, transaction.GetDbTransaction(), [History(tenantId, jobId, from, to, actor, reason, now, error, duration, errorDetail)], cancellationToken);
        if (alsoWrite is not null)
        {
            await alsoWrite(transaction.GetDbTransaction(), now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private PortalDbContext For(Guid tenantId) => activator.Create(TenantContext.SystemFor(tenantId));

    private static JobStateChange History(
        Guid tenantId, Guid jobId, JobState? from, JobState to, string actor, string reason, DateTimeOffset at, string? error = null, TimeSpan? duration = null, string? errorDetail = null) =>
        new() { TenantId = tenantId, JobId = jobId, From = from, To = to, Actor = actor, Reason = reason, At = at, Error = error, Duration = duration, ErrorDetail = errorDetail };

    public void Dispose() => writers.Dispose();
}
