using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sync.Stores;
using Portal.Sync.Tests.WooCommerce;

namespace Portal.Sync.Tests.Stock;

/// <summary>A WooCommerce site's stock through <see cref="IStoreInventory"/>, against the fake over real HTTP.</summary>
public sealed class WooCommerceInventoryTests : FakeWooCommerceTest
{
    [Fact]
    public async Task Simple_products_and_variations_are_listed_as_stock_items_with_their_managed_quantity()
    {
        var simple = Fake.Shop.AddProduct(body => (body["sku"], body["manage_stock"], body["stock_quantity"]) = ("SIMPLE", true, 4));
        var variable = Fake.Shop.AddProduct(body => body["type"] = "variable");
        var variation = Fake.Shop.AddVariation(variable, body => (body["sku"], body["manage_stock"]) = ("VARIATION", false));

        var items = new List<StoreStockItem>();
        await foreach (var page in Clients.For(Fake).Inventory.ItemsAsync("default", CancellationToken.None))
        {
            items.AddRange(page);
        }

        Assert.Equal(
            [new StoreStockItem(Id(simple), Id(simple), "SIMPLE", 4), new StoreStockItem(Id(variation), $"{variable}/{variation}", "VARIATION", null)],
            items.OrderBy(i => i.InventoryItemId.Length));
    }

    [Fact]
    public async Task Stock_is_set_on_products_and_variations_in_batches_of_100_and_refused_items_are_reported()
    {
        var products = Enumerable.Range(0, 150).Select(_ => Fake.Shop.AddProduct()).ToList();
        var variable = Fake.Shop.AddProduct(body => body["type"] = "variable");
        var variation = Fake.Shop.AddVariation(variable);
        StoreStockChange[] changes =
        [
            .. products.Select(p => new StoreStockChange(Id(p), 7, Expected: null)),
            new("999999", 1, Expected: null),
            new($"{variable}/{variation}", 0, Expected: 5),
        ];

        var written = await Clients.For(Fake).Inventory.SetAsync("default", changes, "stock:job-1", CancellationToken.None);

        Assert.Equal((7, true, "instock"), Stock(Fake.Shop.Product(products[^1])!));
        Assert.Equal((0, true, "outofstock"), Stock(Fake.Shop.Variation(variation)!));
        Assert.Equal("999999", Assert.Single(written.Failures).Key);
        Assert.Equal((151, 3), (written.Set.Count, written.Calls));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static (int, bool, string) Stock(JsonObject item) =>
        (item["stock_quantity"]!.GetValue<int>(), item["manage_stock"]!.GetValue<bool>(), item["stock_status"]!.GetValue<string>());
}
