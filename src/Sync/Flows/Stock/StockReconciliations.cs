using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Stock;

/// <summary>The active tenant's stock reconciliations of a store: their runs, and a new one a person starts (Finance, Admin, Owner).</summary>
public sealed class StockReconciliations(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, JobStore jobs, TimeProvider clock)
{
    public async Task<(IReadOnlyList<SyncRun> Items, int Total)> RunsAsync(Guid storeId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.SyncRuns.AsNoTracking().Where(r => r.StoreId == storeId && r.Kind == SyncRunKind.StockReconciliation);
        return (await runs.OrderByDescending(r => r.StartedAt).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken), await runs.CountAsync(cancellationToken));
    }

    /// <summary>The store's run still going, for the progress bar; null when none is.</summary>
    public async Task<SyncRun?> RunningAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SyncRuns.AsNoTracking()
            .Where(r => r.StoreId == storeId && r.Kind == SyncRunKind.StockReconciliation && r.State == SyncRunState.Running)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Starts a reconciliation now; its run exists at once (so the page shows it) and is the job's to fill.</summary>
    public async Task<SyncRun> StartAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.OperateJobs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken);
        var run = new SyncRun
        {
            TenantId = tenantId, StoreId = storeId, Kind = SyncRunKind.StockReconciliation, State = SyncRunState.Running,
            StartedBy = tenant.ActorName, StartedAt = clock.GetUtcNow(),
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(tenantId, StockReconcileFlow.Request(storeId, store.Name, run.Id, $"run-{run.Id}"), cancellationToken);
        return run;
    }
}
