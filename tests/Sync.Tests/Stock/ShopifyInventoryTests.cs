using Portal.Sync.Stores;
using Portal.Sync.Tests.Shopify;

namespace Portal.Sync.Tests.Stock;

/// <summary>A Shopify shop's stock through <see cref="IStoreInventory"/>, against the fake over real HTTP.</summary>
public class ShopifyInventoryTests
{
    private const string Location = "gid://shopify/Location/7";

    [Fact]
    public async Task A_location_lists_every_stocked_item_with_its_variant_sku_and_available_quantity_in_pages_under_the_cost_limit()
    {
        await using var shop = await ShopifyTestShop.StartAsync(maximumAvailable: 10_000, restoreRate: 10_000);
        var stocked = Enumerable.Range(1, 500).Select(i => shop.Server.StockItem($"SKU-{i}", Location, i)).ToList();
        shop.Server.StockItem("ELSEWHERE", "gid://shopify/Location/8", 1);

        var pages = new List<IReadOnlyList<StoreStockItem>>();
        await foreach (var page in shop.Client().Inventory.ItemsAsync("7", CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal([160, 160, 160, 20], pages.Select(p => p.Count));
        var items = pages.SelectMany(p => p).ToList();
        Assert.Equal(stocked.Select(s => s.InventoryItemGid), items.Select(i => i.InventoryItemId));
        Assert.Equal(stocked.Select(s => s.VariantGid.Split('/')[^1]), items.Select(i => i.VariantId));
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (string?)$"SKU-{i}"), items.Select(i => i.Sku));
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (int?)i), items.Select(i => i.Quantity));
        Assert.Equal(0, shop.Server.Throttled);
    }

    [Fact]
    public async Task Quantities_are_set_once_per_identity_and_content_compared_against_the_expected_quantity()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var inventory = shop.Client().Inventory;
        var (_, item) = shop.Server.StockItem("CHAIR", Location, 3);

        var first = await inventory.SetAsync("7", [new StoreStockChange(item, 10, Expected: 3)], "stock:job-1", CancellationToken.None);
        shop.Server.SetInventory(item, Location, 4);
        await inventory.SetAsync("7", [new StoreStockChange(item, 10, Expected: 3)], "stock:job-1", CancellationToken.None);

        Assert.Equal([item], first.Set);
        Assert.Equal(4, shop.Server.Inventory[(item, Location)]);
        await inventory.SetAsync("7", [new StoreStockChange(item, 12, Expected: null)], "stock:job-2", CancellationToken.None);
        Assert.Equal(12, shop.Server.Inventory[(item, Location)]);
    }

    [Fact]
    public async Task A_stale_compare_rereads_the_items_and_sets_them_again_from_what_the_shop_has()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var inventory = shop.Client().Inventory;
        var (_, chair) = shop.Server.StockItem("CHAIR", Location, 5);
        var (_, desk) = shop.Server.StockItem("DESK", Location, 2);

        var written = await inventory.SetAsync("7", [new StoreStockChange(chair, 1, Expected: 3), new StoreStockChange(desk, 9, Expected: 2)], "stock:job-1", CancellationToken.None);

        Assert.Equal([chair, desk], written.Set);
        Assert.Empty(written.Failures);
        Assert.Equal((1, 9), (shop.Server.Inventory[(chair, Location)], shop.Server.Inventory[(desk, Location)]));
        Assert.Equal((2, 1, 2), (shop.Server.CallsOf("inventorySetQuantities"), shop.Server.CallsOf("nodes"), written.Calls));
    }

    [Fact]
    public async Task More_than_250_quantities_go_in_calls_of_250()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var changes = Enumerable.Range(1, 300).Select(i => new StoreStockChange($"gid://shopify/InventoryItem/{i}", i, Expected: null)).ToList();

        var written = await shop.Client().Inventory.SetAsync("7", changes, "stock:job-1", CancellationToken.None);

        Assert.Equal((2, 2, 300), (shop.Server.CallsOf("inventorySetQuantities"), written.Calls, written.Set.Count));
        Assert.Equal(300, shop.Server.Inventory.Count);
    }
}
