using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>Whether the store tells its customer when Odoo ships (the store's e-mail with carrier and tracking), audited.</summary>
public sealed class FulfilmentSettingsService(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, AuditLog audit, TimeProvider clock)
{
    public async Task<bool> NotifiesCustomerAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StoreOutboundSettings.AsNoTracking().Where(s => s.StoreId == storeId).Select(s => (bool?)s.NotifyCustomerOnFulfilment).SingleOrDefaultAsync(cancellationToken)
               ?? new StoreOutboundSettings().NotifyCustomerOnFulfilment;
    }

    public async Task SetNotifiesCustomerAsync(Guid storeId, bool notify, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken)
                    ?? throw new KeyNotFoundException($"No store {storeId} in this tenant.");
        var settings = await db.StoreOutboundSettings.SingleOrDefaultAsync(s => s.StoreId == storeId, cancellationToken);
        if (settings is null)
        {
            settings = new StoreOutboundSettings { StoreId = storeId, TenantId = tenantId };
            db.StoreOutboundSettings.Add(settings);
        }

        settings.NotifyCustomerOnFulfilment = notify;
        settings.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, "fulfilment-settings.saved", store.Name, notify ? "customers are notified of shipments" : "customers are not notified of shipments");
        await db.SaveChangesAsync(cancellationToken);
    }
}
