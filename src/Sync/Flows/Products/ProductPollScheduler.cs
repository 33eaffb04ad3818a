using System.Globalization;
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
        var interval = options.Value.PollInterval;
        var slot = string.Create(CultureInfo.InvariantCulture, $"every-{interval.Ticks}-{clock.GetUtcNow().UtcTicks / interval.Ticks}");
        await using var db = activator.Create(NoTenant.Instance);
        var stores = await db.Stores.IgnoreQueryFilters()
            .Where(s => s.Enabled && s.RemovedAt == null && s.ProtectedCredentials != null && s.ProductDirection == ProductDirection.OdooToStore)
            .Select(s => new { s.Id, s.TenantId })
            .ToListAsync(cancellationToken);
        var created = 0;
        foreach (var store in stores)
        {
            created += (await jobs.EnqueueAsync(store.TenantId, ProductPollFlow.Request(store.Id, slot), cancellationToken)).Outcome == EnqueueOutcome.Created ? 1 : 0;
        }

        return created;
    }
}
