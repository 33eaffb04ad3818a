using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Products;

/// <summary>Enqueues the product poll of every store that takes Odoo's products, once per interval (see <see cref="PeriodicStoreJobs"/>).</summary>
public sealed class ProductPollScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<ProductsOptions> options, TimeProvider clock)
{
    public Task<int> EnqueueDuePollsAsync(CancellationToken cancellationToken = default)
    {
        var slot = PeriodicStoreJobs.Slot(options.Value.PollInterval, clock.GetUtcNow());
        var schedule = new PeriodicStoreJob(ProductPollFlow.Name, s => s.ProtectedCredentials != null && s.ProductDirection == ProductDirection.OdooToStore, NeedsOdoo: false);
        return PeriodicStoreJobs.EnqueueAsync(activator, jobs, schedule, (id, _) => ProductPollFlow.Request(id, slot), cancellationToken);
    }
}
