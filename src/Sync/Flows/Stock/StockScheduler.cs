using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Flows.Stock;

/// <summary>
/// Enqueues the stock jobs of every store that takes part in stock and whose tenant has Odoo connected: the polls
/// and the daily reconciliations on every instance (the identity key names the interval slot, so each is queued
/// once), and a poll at once when Odoo notifies a change (the key names a short window, so a burst is one job).
/// </summary>
public sealed class StockScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<StockOptions> options, TimeProvider clock)
{
    /// <summary>Notifications within this window of each other make one poll; a later change is found by the next one.</summary>
    public static readonly TimeSpan NotificationWindow = TimeSpan.FromSeconds(5);

    public Task<int> EnqueueDueSyncsAsync(CancellationToken cancellationToken = default) =>
        EnqueueAsync(null, StockSyncFlow.Name, options.Value.PollInterval, StockSyncFlow.Request, cancellationToken);

    public Task<int> EnqueueDueReconciliationsAsync(CancellationToken cancellationToken = default) =>
        EnqueueAsync(null, StockReconcileFlow.Name, options.Value.ReconcileInterval, (id, name, slot) => StockReconcileFlow.Request(id, name, null, slot), cancellationToken);

    /// <summary>A stock poll for each of the tenant's stock stores, now: Odoo said something changed.</summary>
    public Task<int> EnqueueNotifiedSyncsAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        EnqueueAsync(tenantId, StockSyncFlow.Name, NotificationWindow, (id, name, slot) => StockSyncFlow.Request(id, name, $"notified-{slot}"), cancellationToken);

    private async Task<int> EnqueueAsync(Guid? tenantId, string flow, TimeSpan interval, Func<Guid, string, string, JobRequest> request, CancellationToken cancellationToken)
    {
        var slot = IntervalSlots.Of(interval, clock.GetUtcNow());
        List<(Guid Id, Guid TenantId, string Name)> due;
        await using (var db = activator.Create(NoTenant.Instance))
        {
            var connected = db.OdooConnections.IgnoreQueryFilters().Where(c => c.ProtectedApiKey != null).Select(c => c.TenantId);
            var waiting = db.Jobs.IgnoreQueryFilters().Where(j => j.Flow == flow && j.ActiveIdentityKey != null && j.State == JobState.Pending).Select(j => j.StoreId);
            due = (await db.Stores.IgnoreQueryFilters()
                    .Where(s => s.Enabled && s.RemovedAt == null && (s.Features & StoreFeatures.Stock) != 0 && connected.Contains(s.TenantId) && !waiting.Contains(s.Id))
                    .Where(s => tenantId == null || s.TenantId == tenantId)
                    .Select(s => new { s.Id, s.TenantId, s.Name })
                    .ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.TenantId, s.Name)).ToList();
        }

        return await IntervalSlots.EnqueueEachAsync(jobs, due, (id, name) => request(id, name, slot), cancellationToken);
    }
}
