using Portal.Data.Entities;
using Portal.Sync.Stores;

namespace Portal.Sync.Flows.Stock;

/// <summary>
/// Brings a store's stock levels to Odoo's quantities: reads the levels' products at each mapped Odoo location,
/// applies the store's quantity rule, and sets only the items whose last known store quantity differs. The levels
/// (tracked by the caller's context) are updated with what was set, for the caller to save.
/// </summary>
public sealed class StockPush(OdooStock odoo, IStoreInventory inventory, StoreOutboundSettings settings, IReadOnlyList<LocationMapping> mappings)
{
    /// <summary>Odoo products read in one call; a store write batch is the platform's own size.</summary>
    public const int ProductsPerRead = 1000;

    public async Task<StockPushResult> PushAsync(IReadOnlyList<StockLevel> levels, string stableIdentity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var result = StockPushResult.None;
        foreach (var atLocation in levels.GroupBy(l => l.StoreLocationId))
        {
            if (mappings.FirstOrDefault(m => m.StoreLocationId == atLocation.Key) is not { } mapping
                || await odoo.LocationAsync(mapping.OdooLocationId, mapping.OdooWarehouseId, cancellationToken) is not { } location)
            {
                continue;
            }

            var items = atLocation.ToList();
            var quantities = await odoo.QuantitiesAsync(location, items.Select(l => l.OdooProductId).Distinct().ToList(), cancellationToken);
            var differing = items
                .Where(l => quantities.ContainsKey(l.OdooProductId))
                .Select(l => (Level: l, Quantity: StockQuantityRules.StoreQuantity(settings, quantities[l.OdooProductId])))
                .Where(p => p.Level.Quantity != p.Quantity)
                .ToList();
            var written = differing.Count == 0
                ? new StoreStockWrite([], new Dictionary<string, string>(), 0)
                : await inventory.SetAsync(atLocation.Key, differing.Select(p => new StoreStockChange(p.Level.InventoryItemId, p.Quantity, p.Level.Quantity)).ToList(),
                    $"{stableIdentity}:{atLocation.Key}", cancellationToken);
            var set = written.Set.ToHashSet();
            foreach (var (level, quantity) in differing.Where(p => set.Contains(p.Level.InventoryItemId)))
            {
                level.Quantity = quantity;
                level.UpdatedAt = now;
            }

            result = result.Add(new StockPushResult(items.Count, differing.Count, differing.Count(p => set.Contains(p.Level.InventoryItemId)), written.Calls));
        }

        return result;
    }
}
