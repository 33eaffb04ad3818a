using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

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
        EnqueueAsync(new PeriodicStoreJob(StockSyncFlow.Name, TakesPart, NeedsOdoo: true, RunningWaits: false), options.Value.PollInterval, StockSyncFlow.Request, cancellationToken);

    public Task<int> EnqueueDueReconciliationsAsync(CancellationToken cancellationToken = default) =>
        EnqueueAsync(new PeriodicStoreJob(StockReconcileFlow.Name, TakesPart, NeedsOdoo: true, RunningWaits: false), options.Value.ReconcileInterval,
            (id, name, slot) => StockReconcileFlow.Request(id, name, null, slot), cancellationToken);

    /// <summary>A stock poll for each of the tenant's stock stores, now: Odoo said something changed.</summary>
    public Task<int> EnqueueNotifiedSyncsAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        EnqueueAsync(new PeriodicStoreJob(StockSyncFlow.Name, TakesPart, NeedsOdoo: true, RunningWaits: false, tenantId), NotificationWindow,
            (id, name, slot) => StockSyncFlow.Request(id, name, $"notified-{slot}"), cancellationToken);

    private static Expression<Func<Store, bool>> TakesPart => s => (s.Features & StoreFeatures.Stock) != 0;

    private Task<int> EnqueueAsync(PeriodicStoreJob schedule, TimeSpan interval, Func<Guid, string, string, JobRequest> request, CancellationToken cancellationToken)
    {
        var slot = PeriodicStoreJobs.Slot(interval, clock.GetUtcNow());
        return PeriodicStoreJobs.EnqueueAsync(activator, jobs, schedule, (id, name) => request(id, name, slot), cancellationToken);
    }
}
