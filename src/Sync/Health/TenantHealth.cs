using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Health;

/// <summary>The active tenant's health: its connection checks, its queues and the outcomes of the last day.</summary>
public sealed class TenantHealth(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, ConnectionChecks checks, TimeProvider clock)
{
    private const int FailureReasonsShown = 10;

    public async Task<TenantHealthReport> ReportAsync(CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var odooConfigured = await db.OdooConnections.AnyAsync(c => c.ProtectedApiKey != null, cancellationToken);
        var connectionChecks = await db.HealthChecks.AsNoTracking().OrderBy(h => h.Target).ToListAsync(cancellationToken);
        var stores = await StoresAsync(db, cancellationToken);

        var queues = await db.Jobs
            .Where(j => j.State == JobState.Pending || j.State == JobState.Running || j.State == JobState.Failed || j.State == JobState.NeedsAttention)
            .GroupBy(j => j.Flow)
            .Select(g => new
            {
                Flow = g.Key,
                Pending = g.Count(j => j.State == JobState.Pending),
                Running = g.Count(j => j.State == JobState.Running),
                Retrying = g.Count(j => j.State == JobState.Failed),
                NeedsAttention = g.Count(j => j.State == JobState.NeedsAttention),
                OldestWaiting = g.Where(j => j.State == JobState.Pending || j.State == JobState.Failed).Min(j => (DateTimeOffset?)j.CreatedAt),
            })
            .ToListAsync(cancellationToken);

        var outcomes = await db.JobStateChanges
            .Where(c => c.At >= dayAgo && (c.To == JobState.Succeeded || c.To == JobState.Failed || c.To == JobState.NeedsAttention))
            .Join(db.Jobs, c => c.JobId, j => j.Id, (c, j) => new { j.Flow, Succeeded = c.To == JobState.Succeeded })
            .GroupBy(o => new { o.Flow, o.Succeeded })
            .Select(g => new { g.Key.Flow, g.Key.Succeeded, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var lastSuccesses = await db.JobStateChanges
            .Where(c => c.To == JobState.Succeeded)
            .Join(db.Jobs, c => c.JobId, j => j.Id, (c, j) => new { j.Flow, c.At })
            .GroupBy(o => o.Flow)
            .Select(g => new { Flow = g.Key, At = g.Max(o => o.At) })
            .ToListAsync(cancellationToken);

        var failures = await db.JobStateChanges
            .Where(c => c.At >= dayAgo && (c.To == JobState.Failed || c.To == JobState.NeedsAttention) && c.Error != null)
            .Join(db.Jobs, c => c.JobId, j => j.Id, (c, j) => new { j.Flow, Error = c.Error! })
            .GroupBy(o => new { o.Flow, o.Error })
            .Select(g => new { g.Key.Flow, g.Key.Error, Count = g.Count() })
            .OrderByDescending(f => f.Count)
            .Take(FailureReasonsShown)
            .ToListAsync(cancellationToken);

        var flows = queues.Select(q => q.Flow).Union(outcomes.Select(o => o.Flow)).Union(lastSuccesses.Select(s => s.Flow)).Order(StringComparer.Ordinal)
            .Select(flow =>
            {
                var queue = queues.SingleOrDefault(q => q.Flow == flow);
                return new FlowHealth(
                    flow,
                    queue?.Pending ?? 0,
                    queue?.Running ?? 0,
                    queue?.Retrying ?? 0,
                    queue?.NeedsAttention ?? 0,
                    queue?.OldestWaiting,
                    outcomes.Where(o => o.Flow == flow && o.Succeeded).Sum(o => o.Count),
                    outcomes.Where(o => o.Flow == flow && !o.Succeeded).Sum(o => o.Count),
                    lastSuccesses.SingleOrDefault(s => s.Flow == flow)?.At);
            })
            .ToList();

        return new TenantHealthReport(odooConfigured, connectionChecks, stores, flows, failures.Select(f => new FailureReason(f.Flow, f.Error, f.Count)).ToList(), now);
    }

    private static async Task<IReadOnlyList<StoreHealth>> StoresAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var stores = await db.Stores.AsNoTracking().Where(s => s.RemovedAt == null).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Platform, s.Enabled })
            .ToListAsync(cancellationToken);
        var cursors = await db.SyncCursors.AsNoTracking().Where(c => c.Stream == StorePollFlow.OrdersStream).ToListAsync(cancellationToken);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Topic).ToListAsync(cancellationToken);
        return stores.Select(s =>
        {
            var cursor = cursors.SingleOrDefault(c => c.StoreId == s.Id);
            return new StoreHealth(s.Id, s.Name, s.Platform, s.Enabled, cursor?.UpdatedAt, cursor?.Position, subscriptions.Where(w => w.StoreId == s.Id).ToList());
        }).ToList();
    }

    /// <summary>Checks the connections now rather than at the next scheduled check.</summary>
    public async Task CheckNowAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.OperateJobs);
        await checks.CheckOdooAsync(tenantId, cancellationToken);
        await checks.CheckStoresAsync(tenantId, cancellationToken);
    }
}
