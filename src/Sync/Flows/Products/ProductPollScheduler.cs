using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// Enqueues the product poll of every store that takes Odoo's products, once per interval slot however many
/// instances ask (the slot is in the identity key).
/// </summary>
public sealed class ProductPollScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<ProductsOptions> options, TimeProvider clock)
{
    public async Task<int> EnqueueDuePollsAsync(CancellationToken cancellationToken = default)
    {
        var slot = IntervalSlots.Of(options.Value.PollInterval, clock.GetUtcNow());
        await using var db = activator.Create(NoTenant.Instance);
        var stores = await db.Stores.IgnoreQueryFilters()
            .Where(s => s.Enabled && s.RemovedAt == null && s.ProtectedCredentials != null && s.ProductDirection == ProductDirection.OdooToStore)
            .Select(s => new { s.Id, s.TenantId, s.Name })
            .ToListAsync(cancellationToken);
        return await IntervalSlots.EnqueueEachAsync(jobs, stores.Select(s => (s.Id, s.TenantId, s.Name)), (id, _) => ProductPollFlow.Request(id, slot), cancellationToken);
    }
}
