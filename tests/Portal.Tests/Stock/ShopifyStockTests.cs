using System.Net;

namespace Portal.Tests.Stock;

/// <summary>The stock scenarios on a Shopify shop, and what only Shopify has: the compare before it sets.</summary>
public sealed class ShopifyStockTests : StockTests<ShopifyStockStore>
{
    protected override int BatchLimit => 250;

    [Fact]
    public async Task A_quantity_changed_in_the_shop_meanwhile_is_read_again_and_set_from_it()
    {
        var skus = await Store.AddProductsAsync("STALE", 1, onHand: 5);
        await Store.ReconcileAsync();
        var address = await Store.NotificationAddressAsync();
        var item = Store.Shop.Inventory.Single(i => i.Value == 5).Key.Item;
        Store.Shop.SetInventory(item, ShopifyStockStore.Location, 4);

        Store.SetOnHand(skus[0], 9);
        using var answer = await NotifyAsync(address, "{}");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        await Store.AwaitLevelAsync(skus[0], 9);
        Assert.Equal(9, Store.StoreQuantity(skus[0]));
        Assert.Equal(1, Store.Shop.CallsOf("nodes"));
    }
}
