using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;
using static Portal.Sync.WooCommerce.WooCommerceJson;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// A WooCommerce site as <see cref="IStoreInventory"/>, through REST v3. A site has one location; a simple product
/// is its own stock item ("{product}"), a variable product's variations are theirs ("{product}/{variation}").
/// WooCommerce cannot compare before it sets, so the expected quantities are not used.
/// </summary>
internal sealed class WooCommerceInventory(WooCommerceRestClient rest) : IStoreInventory
{
    private WooCommerceRestClient Rest { get; } = rest;

    public int WriteBatchSize => WooCommerceOptions.MaxItemsPerRequest;

    public Task<IReadOnlyList<CommerceLocation>> LocationsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CommerceLocation>>([WooCommercePayloads.Location]);

    public async IAsyncEnumerable<IReadOnlyList<StoreStockItem>> ItemsAsync(string storeLocationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var listed = await Rest.GetPageAsync("products", [], page, cancellationToken);
            var items = new List<StoreStockItem>();
            foreach (var product in listed.Items)
            {
                var productId = Id(product);
                if (Text(product, "type") == "variable")
                {
                    items.AddRange((await Rest.GetAllAsync($"products/{productId}/variations", [], cancellationToken))
                        .Select(variation => Item(variation, $"{productId}/{Id(variation)}")));
                }
                else
                {
                    items.Add(Item(product, productId));
                }
            }

            yield return items;
            if (!listed.HasNext)
            {
                yield break;
            }
        }
    }

    public async Task<StoreStockWrite> SetAsync(string storeLocationId, IReadOnlyList<StoreStockChange> changes, string stableIdentity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var set = new List<string>();
        var failures = new Dictionary<string, string>();
        var calls = 0;
        var byProduct = changes.GroupBy(change => change.InventoryItemId.Contains('/', StringComparison.Ordinal) ? change.InventoryItemId.Split('/')[0] : null);
        foreach (var group in byProduct)
        {
            var path = group.Key is null ? "products" : $"products/{group.Key}/variations";
            foreach (var batch in group.Chunk(WriteBatchSize))
            {
                calls++;
                var result = await Rest.BatchAsync(path, StockBatch(batch), cancellationToken);
                var refused = result.Failures.Where(f => f.Id is not null).ToDictionary(f => f.Id!, f => f.Message);
                foreach (var change in batch)
                {
                    if (refused.TryGetValue(ItemId(change), out var message))
                    {
                        failures[change.InventoryItemId] = message;
                    }
                    else
                    {
                        set.Add(change.InventoryItemId);
                    }
                }
            }
        }

        return new StoreStockWrite(set, failures, calls);
    }

    /// <summary>Setting a quantity also turns on stock management for the item, or WooCommerce would ignore it.</summary>
    private static WooCommerceBatch StockBatch(IEnumerable<StoreStockChange> changes) => new()
    {
        Update = changes.Select(change => new JsonObject
        {
            ["id"] = long.Parse(ItemId(change), CultureInfo.InvariantCulture),
            ["manage_stock"] = true,
            ["stock_quantity"] = change.Quantity,
        }).ToList(),
    };

    private static string ItemId(StoreStockChange change) => change.InventoryItemId.Split('/')[^1];

    private static StoreStockItem Item(JsonElement item, string inventoryItemId) =>
        new(Id(item), inventoryItemId, Text(item, "sku"),
            item.TryGetProperty("manage_stock", out var managed) && managed.ValueKind == JsonValueKind.True
            && item.TryGetProperty("stock_quantity", out var quantity) && quantity.ValueKind == JsonValueKind.Number
                ? (int)quantity.GetDecimal()
                : null);
}
