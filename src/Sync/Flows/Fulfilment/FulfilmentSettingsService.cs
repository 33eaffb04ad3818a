using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Data;
using Portal.Sync.Auditing;
using Portal.Sync.Settings;
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
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var settings = await OutboundSettingsRows.ForChangeAsync(db, store, cancellationToken);
        settings.NotifyCustomerOnFulfilment = notify;
        settings.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, "fulfilment-settings.saved", store.Name, notify ? "customers are notified of shipments" : "customers are not notified of shipments");
        await db.SaveChangesAsync(cancellationToken);
    }
}
