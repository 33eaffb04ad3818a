using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Settings;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>
/// WooCommerce shipping methods from Odoo's carriers: WooCommerce records no carrier on what it ships, so a checkout
/// choice of the carrier's name is how an order names its carrier. Each Odoo carrier without a method of its title in
/// the chosen zone gets a flat rate at the carrier's fixed price, and each carrier a shipping mapping by that title, so
/// imported orders using it go to that carrier. Running it again adds nothing that is there already.
/// </summary>
public sealed class CarrierShippingMethods(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, StoreClients stores, TenantOdoo tenants, ShippingMappings mappings)
{
    public async Task<IReadOnlyList<StoreShippingZone>> ZonesAsync(Guid storeId, CancellationToken cancellationToken = default) =>
        await (await MethodsOfAsync(storeId, cancellationToken)).ZonesAsync(cancellationToken);

    /// <summary>Adds the missing methods to the zone and maps every carrier; returns how many methods were added.</summary>
    public async Task<int> CreateAsync(Guid storeId, string zoneId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        var methods = await MethodsOfAsync(storeId, cancellationToken);
        var odoo = await tenants.ClientAsync(tenant.TenantId!.Value, cancellationToken);
        var carriers = await odoo.SearchReadAsync("delivery.carrier", OdooDomain.All, ["name", "fixed_price"], order: "name", cancellationToken: cancellationToken);
        var titles = (await methods.MethodTitlesAsync(zoneId, cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mapped = (await mappings.ListAsync(storeId, cancellationToken)).Select(m => m.Method).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = 0;
        foreach (var carrier in carriers.OfType<System.Text.Json.Nodes.JsonNode>())
        {
            var name = carrier.Text("name") ?? "";
            if (titles.Add(name))
            {
                await methods.AddFlatRateAsync(zoneId, name, carrier.Number("fixed_price"), cancellationToken);
                added++;
            }

            if (mapped.Add(name))
            {
                await mappings.AddAsync(storeId, new ShippingMappingForm { Method = name, OdooCarrierId = carrier.Id() }, cancellationToken);
            }
        }

        return added;
    }

    private async Task<IStoreShippingMethods> MethodsOfAsync(Guid storeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken)
                    ?? throw new KeyNotFoundException($"No store {storeId}.");
        return stores.For(store).Fulfilments as IStoreShippingMethods
               ?? throw new InvalidOperationException($"{store.Name} has no shipping zones to add methods to.");
    }
}
