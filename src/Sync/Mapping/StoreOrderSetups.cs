using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Mapping;

/// <summary>Loads a store's <see cref="StoreOrderSetup"/>; null when the store is gone or removed.</summary>
public sealed class StoreOrderSetups(PortalDbContextActivator activator)
{
    public async Task<StoreOrderSetup?> LoadAsync(Guid tenantId, Guid storeId, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(tenantId));
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken);
        if (store is null)
        {
            return null;
        }

        var settings = await db.StoreOrderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == storeId, cancellationToken)
                       ?? new StoreOrderSettings { StoreId = storeId, TenantId = tenantId };
        return new StoreOrderSetup(
            store,
            settings,
            await db.TaxMappings.AsNoTracking().Where(m => m.StoreId == storeId).ToListAsync(cancellationToken),
            await db.ShippingMappings.AsNoTracking().Where(m => m.StoreId == storeId).ToListAsync(cancellationToken),
            await db.PaymentJournalMappings.AsNoTracking().Where(m => m.StoreId == storeId).ToListAsync(cancellationToken),
            await db.LocationMappings.AsNoTracking().Where(m => m.StoreId == storeId).ToListAsync(cancellationToken));
    }
}
