using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>
/// Enqueues the delivery poll of every enabled store that fulfils through the connector and whose tenant has Odoo
/// connected, once per interval (see <see cref="PeriodicStoreJobs"/>).
/// </summary>
public sealed class FulfilmentScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<FulfilmentOptions> options, TimeProvider clock)
{
    public Task<int> EnqueueDueAsync(CancellationToken cancellationToken = default)
    {
        var slot = PeriodicStoreJobs.Slot(options.Value.PollInterval, clock.GetUtcNow());
        var schedule = new PeriodicStoreJob(FulfilmentSyncFlow.Name, s => s.ProtectedCredentials != null && (s.Features & StoreFeatures.Fulfilment) != 0, NeedsOdoo: true);
        return PeriodicStoreJobs.EnqueueAsync(activator, jobs, schedule, (id, name) => FulfilmentSyncFlow.Request(id, name, slot), cancellationToken);
    }
}
