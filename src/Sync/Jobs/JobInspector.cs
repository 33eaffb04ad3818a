using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Jobs;

/// <summary>
/// The failed-job inspector's reads and actions for the active tenant. Anyone in the tenant reads; Finance,
/// Admin and Owner retry or ignore. Actions are guarded (a job that changed meanwhile is left alone and
/// counted as such) and audited.
/// </summary>
public sealed class JobInspector(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    JobStore store,
    AuditLog audit,
    IValidator<IgnoreJobForm> ignoreValidator)
{
    public async Task<(IReadOnlyList<JobRow> Items, int Total)> ListAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jobs = Filter(db.Jobs, query);
        var total = await jobs.CountAsync(cancellationToken);
        var items = await Sort(jobs, query)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(j => new JobRow(j.Id, j.StoreId, j.Flow, j.Subject, j.State, j.Attempts, j.ErrorKind, j.LastError, j.FixPath, j.DuplicatesSkipped, j.UpdatedAt))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>One job with its payload, attempts, state history and record links; null when the tenant has no such job.</summary>
    public async Task<JobDetail?> DetailAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.Where(j => j.Id == jobId).SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }

        var history = await db.JobStateChanges.Where(c => c.JobId == jobId).OrderBy(c => c.Id)
            .Select(c => new JobHistoryEntry(c.At, c.From, c.To, c.Actor, c.Reason, c.Error, c.Duration, c.ErrorDetail))
            .ToListAsync(cancellationToken);
        var odooUrl = await db.OdooConnections.Select(c => c.Url).SingleOrDefaultAsync(cancellationToken);
        return new JobDetail(
            new JobRow(job.Id, job.StoreId, job.Flow, job.Subject, job.State, job.Attempts, job.ErrorKind, job.LastError, job.FixPath, job.DuplicatesSkipped, job.UpdatedAt),
            job.IdentityKey,
            job.Payload,
            job.MaxAttempts,
            job.CreatedAt,
            job.NextRunAt,
            JobRecordLinks.From(job.Payload, odooUrl),
            JobAttempt.From(history),
            history);
    }

    /// <summary>The flows and stores the tenant's jobs have, for the inspector's filters.</summary>
    public async Task<JobFilterOptions> FilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var flows = await db.Jobs.Select(j => j.Flow).Distinct().OrderBy(f => f).ToListAsync(cancellationToken);
        var stores = await db.Jobs.Where(j => j.StoreId != null).Select(j => j.StoreId!.Value).Distinct().ToListAsync(cancellationToken);
        return new JobFilterOptions(flows, stores);
    }

    /// <summary>Failing and parked jobs grouped by root cause, largest group first.</summary>
    public async Task<IReadOnlyList<JobFailureGroup>> FailureGroupsAsync(CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A fingerprint is a hash of the error kind and message, so a group's members share both: grouped by the database.
        var groups = await db.Jobs
            .Where(j => (j.State == JobState.NeedsAttention || j.State == JobState.Failed) && j.ErrorFingerprint != null)
            .GroupBy(j => j.ErrorFingerprint!)
            .Select(g => new { Fingerprint = g.Key, Kind = g.Max(j => j.ErrorKind), Message = g.Max(j => j.LastError), FixPath = g.Max(j => j.FixPath), Count = g.Count(), Oldest = g.Min(j => j.UpdatedAt) })
            .OrderByDescending(g => g.Count)
            .ToListAsync(cancellationToken);
        return groups.Select(g => new JobFailureGroup(g.Fingerprint, g.Kind ?? "", g.Message ?? "", g.FixPath, g.Count, g.Oldest)).ToList();
    }

    public Task<bool> RetryAsync(Guid jobId, JobState seenState, CancellationToken cancellationToken = default) =>
        ActAsync(jobId, "job.retried", null, tenantId => store.RetryAsync(tenantId, jobId, seenState, tenant.ActorName, cancellationToken), cancellationToken);

    public async Task<bool> IgnoreAsync(Guid jobId, JobState seenState, IgnoreJobForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.OperateJobs);
        await ignoreValidator.ValidateAndThrowAsync(form, cancellationToken);
        var reason = form.Reason.Trim();
        return await ActAsync(jobId, "job.ignored", reason, tenantId => store.IgnoreAsync(tenantId, jobId, seenState, tenant.ActorName, reason, cancellationToken), cancellationToken);
    }

    /// <summary>Retries every job of one root cause that is still failing or parked; returns how many were retried.</summary>
    public async Task<int> RetryGroupAsync(string fingerprint, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.OperateJobs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Jobs
            .Where(j => j.ErrorFingerprint == fingerprint && (j.State == JobState.NeedsAttention || j.State == JobState.Failed))
            .Select(j => new { j.Id, j.State })
            .ToListAsync(cancellationToken);
        var retried = await RetryEachAsync(tenantId, members.Select(m => (m.Id, m.State)), cancellationToken);
        audit.Record(db, "jobs.group-retried", fingerprint, $"{retried} of {members.Count} retried");
        await db.SaveChangesAsync(cancellationToken);
        return retried;
    }

    /// <summary>
    /// How many of the store's jobs are parked for want of a mapping of <paramref name="kind"/> ("taxes", "shipping",
    /// "journals", "locations", "products"): their fix link points at that mappings page.
    /// </summary>
    public async Task<int> WaitingForMappingAsync(Guid storeId, string kind, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WaitingForMapping(db.Jobs, storeId, kind).CountAsync(cancellationToken);
    }

    /// <summary>
    /// Retries the store's jobs parked for want of a mapping of <paramref name="kind"/>, each only if it is still as it was
    /// read (a second click finds none left); returns how many were retried.
    /// </summary>
    public async Task<int> RetryWaitingForMappingAsync(Guid storeId, string kind, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.OperateJobs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await WaitingForMapping(db.Jobs, storeId, kind).Select(j => new { j.Id, j.State }).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var retried = await RetryEachAsync(tenantId, waiting.Select(w => (w.Id, w.State)), cancellationToken);
        var storeName = await db.Stores.Where(s => s.Id == storeId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? storeId.ToString();
        audit.Record(db, "jobs.mapping-retried", storeName, $"{retried} of {waiting.Count} jobs waiting for its {kind} mappings retried");
        await db.SaveChangesAsync(cancellationToken);
        return retried;
    }

    /// <summary>Retries each job only if it is still in the state it was read in; returns how many were retried.</summary>
    private async Task<int> RetryEachAsync(Guid tenantId, IEnumerable<(Guid Id, JobState State)> jobs, CancellationToken cancellationToken)
    {
        var retried = 0;
        foreach (var (id, state) in jobs)
        {
            retried += await store.RetryAsync(tenantId, id, state, tenant.ActorName, cancellationToken) ? 1 : 0;
        }

        return retried;
    }

    private static IQueryable<Job> WaitingForMapping(IQueryable<Job> jobs, Guid storeId, string kind)
    {
        // The flows' fix links: "stores/{id}/mappings/taxes", with the missing mapping's key as a query after it.
        var page = $"stores/{storeId}/mappings/{kind}";
        var withQuery = page + "?";
        var configuration = nameof(JobErrorKind.Configuration);
        return jobs.Where(j => j.StoreId == storeId && j.ErrorKind == configuration
                               && (j.State == JobState.NeedsAttention || j.State == JobState.Failed)
                               && (j.FixPath == page || j.FixPath!.StartsWith(withQuery)));
    }

    private async Task<bool> ActAsync(Guid jobId, string action, string? details, Func<Guid, Task<bool>> transition, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Demand(TenantPermission.OperateJobs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.Jobs.Where(j => j.Id == jobId).Select(j => j.Subject).SingleOrDefaultAsync(cancellationToken);
        if (subject is null || !await transition(tenantId))
        {
            return false;
        }

        audit.Record(db, action, subject, details);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static IQueryable<Job> Filter(IQueryable<Job> jobs, JobQuery query)
    {
        if (query.State is { } state)
        {
            jobs = jobs.Where(j => j.State == state);
        }

        if (query.Flow is { Length: > 0 } flow)
        {
            jobs = jobs.Where(j => j.Flow == flow);
        }

        if (query.StoreId is { } store)
        {
            jobs = jobs.Where(j => j.StoreId == store);
        }

        if (query.ErrorKind is { Length: > 0 } kind)
        {
            jobs = jobs.Where(j => j.ErrorKind == kind);
        }

        if (query.Text is { Length: > 0 } text)
        {
            jobs = jobs.Where(j => j.Subject.Contains(text) || (j.LastError != null && j.LastError.Contains(text)));
        }

        if (query.UpdatedFrom is { } from)
        {
            jobs = jobs.Where(j => j.UpdatedAt >= from);
        }

        if (query.UpdatedTo is { } to)
        {
            jobs = jobs.Where(j => j.UpdatedAt < to);
        }

        return jobs;
    }

    private static IOrderedQueryable<Job> Sort(IQueryable<Job> jobs, JobQuery query) => (query.Sort, query.Descending) switch
    {
        (JobSort.Subject, false) => jobs.OrderBy(j => j.Subject).ThenBy(j => j.Id),
        (JobSort.Subject, true) => jobs.OrderByDescending(j => j.Subject).ThenBy(j => j.Id),
        (JobSort.Flow, false) => jobs.OrderBy(j => j.Flow).ThenBy(j => j.Id),
        (JobSort.Flow, true) => jobs.OrderByDescending(j => j.Flow).ThenBy(j => j.Id),
        (JobSort.Attempts, false) => jobs.OrderBy(j => j.Attempts).ThenBy(j => j.Id),
        (JobSort.Attempts, true) => jobs.OrderByDescending(j => j.Attempts).ThenBy(j => j.Id),
        (_, false) => jobs.OrderBy(j => j.UpdatedAt).ThenBy(j => j.Id),
        _ => jobs.OrderByDescending(j => j.UpdatedAt).ThenBy(j => j.Id),
    };
}
