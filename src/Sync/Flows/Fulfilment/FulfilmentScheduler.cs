using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>
/// Enqueues the delivery poll of every enabled store that fulfils through the connector and whose tenant has Odoo
/// connected. Every instance runs this; the identity key names the interval slot, so each store gets one poll per
/// interval however many instances ask, and none while its previous poll still waits.
/// </summary>
public sealed class FulfilmentScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<FulfilmentOptions> options, TimeProvider clock)
{
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken = default)
    {
        var slot = IntervalSlots.Of(options.Value.PollInterval, clock.GetUtcNow());
        List<Store> stores;
        await using (var db = activator.Create(NoTenant.Instance))
        {
            var waiting = db.Jobs.IgnoreQueryFilters().Where(j => j.Flow == FulfilmentSyncFlow.Name && j.ActiveIdentityKey != null).Select(j => j.StoreId);
            var connected = db.OdooConnections.IgnoreQueryFilters().Where(c => c.ProtectedApiKey != null).Select(c => c.TenantId);
            stores = await db.Stores.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Enabled && s.RemovedAt == null && s.ProtectedCredentials != null && connected.Contains(s.TenantId) && !waiting.Contains(s.Id))
                .ToListAsync(cancellationToken);
        }

        var due = stores.Where(s => s.Features.HasFlag(StoreFeatures.Fulfilment)).Select(s => (s.Id, s.TenantId, s.Name));
        return await IntervalSlots.EnqueueEachAsync(jobs, due, (id, name) => FulfilmentSyncFlow.Request(id, name, slot), cancellationToken);
    }
}
