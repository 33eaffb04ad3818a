using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Stores;

/// <summary>
/// Enqueues each connected store's periodic poll and subscription check. Every instance runs this; the
/// identity key names the interval, so one job per store and interval is queued however many instances
/// ask. A store whose previous job of the kind still waits (pending, retrying, parked) gets no new one.
/// </summary>
public sealed class StoreScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<StoresOptions> options, TimeProvider clock)
{
    public Task<int> EnqueueDuePollsAsync(CancellationToken cancellationToken = default) =>
        EnqueueAsync(StorePollFlow.Name, options.Value.PollInterval, StorePollFlow.Request, cancellationToken);

    public Task<int> EnqueueDueSubscriptionChecksAsync(CancellationToken cancellationToken = default) =>
        EnqueueAsync(SubscriptionSyncFlow.Name, options.Value.SubscriptionCheckInterval, SubscriptionSyncFlow.Request, cancellationToken);

    private async Task<int> EnqueueAsync(string flow, TimeSpan interval, Func<Guid, string, string, JobRequest> request, CancellationToken cancellationToken)
    {
        var slot = IntervalSlots.Of(interval, clock.GetUtcNow());
        List<(Guid Id, Guid TenantId, string Name)> stores;
        await using (var db = activator.Create(NoTenant.Instance))
        {
            var waiting = db.Jobs.IgnoreQueryFilters().Where(j => j.Flow == flow && j.ActiveIdentityKey != null).Select(j => j.StoreId);
            stores = (await db.Stores.IgnoreQueryFilters()
                    .Where(s => s.Enabled && s.RemovedAt == null && s.ProtectedCredentials != null && !waiting.Contains(s.Id))
                    .Select(s => new { s.Id, s.TenantId, s.Name })
                    .ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.TenantId, s.Name)).ToList();
        }

        return await IntervalSlots.EnqueueEachAsync(jobs, stores, (id, name) => request(id, name, slot), cancellationToken);
    }
}
