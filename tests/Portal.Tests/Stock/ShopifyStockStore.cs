using Portal.Fakes.Shopify;
using Portal.Sync.Stores;
using Portal.Tests.Stores;

namespace Portal.Tests.Stock;

public sealed class ShopifyStockStore : StockStore
{
    public const string Location = "gid://shopify/Location/7";

    public FakeShopifyServer Shop { get; private set; } = default!;

    public override string StoreLocationId => Location;

    public override int StoreWrites => Shop.CallsOf("inventorySetQuantities");

    protected override (string VariantId, string ItemId) AddStoreItem(string sku)
    {
        var (variant, item) = Shop.StockItem(sku, Location, 0);
        return (variant.Split('/')[^1], item);
    }

    protected override int? StoreQuantityOf(string itemId) => Shop.Inventory.TryGetValue((itemId, Location), out var quantity) ? quantity : null;

    protected override async Task StartPlatformAsync() => Shop = await FakeShopifyServer.StartAsync();

    protected override async Task StopPlatformAsync() => await Shop.DisposeAsync();

    protected override Task<StoreConnectResult> ConnectAsync(StoreDirectory stores) => stores.ConnectShopifyAsync(FakeStoreForms.Shopify(Shop, "Alpha US"));
}
