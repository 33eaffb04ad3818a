using System.Globalization;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;
using Portal.Tests.Stores;

namespace Portal.Tests.Stock;

public sealed class WooCommerceStockStore : StockStore
{
    public FakeWooCommerceServer Site { get; private set; } = default!;

    public override string StoreLocationId => "default";

    public override int StoreWrites => Site.Requests.Count(r => r.Method == "POST" && r.Route?.Contains("/products", StringComparison.Ordinal) == true && r.Route.EndsWith("/batch", StringComparison.Ordinal));

    protected override (string VariantId, string ItemId) AddStoreItem(string sku)
    {
        var id = Site.Shop.AddProduct(body => (body["sku"], body["manage_stock"], body["stock_quantity"]) = (sku, true, 0)).ToString(CultureInfo.InvariantCulture);
        return (id, id);
    }

    protected override int? StoreQuantityOf(string itemId) => Site.Shop.Product(long.Parse(itemId, CultureInfo.InvariantCulture))?["stock_quantity"]?.GetValue<int>();

    protected override async Task StartPlatformAsync() => Site = await FakeWooCommerceServer.StartAsync();

    protected override async Task StopPlatformAsync() => await Site.DisposeAsync();

    protected override Task<StoreConnectResult> ConnectAsync(StoreDirectory stores) => stores.ConnectWooCommerceAsync(FakeStoreForms.WooCommerce(Site, "Wholesale"));
}
