using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>The locations a store has, read from the store, for the location wizard to pair with Odoo's warehouses.</summary>
public sealed class StoreLocations(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, StoreClients clients)
{
    /// <summary>The store's active locations; failures of the store's API are <see cref="StoreApiException"/>s.</summary>
    public async Task<IReadOnlyList<CommerceLocation>> ListAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        return await clients.For(store).Inventory.LocationsAsync(cancellationToken);
    }
}
