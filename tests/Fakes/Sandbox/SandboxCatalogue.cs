using System.Globalization;
using Portal.Fakes.Odoo;
using Portal.Fakes.Shopify;
using Portal.Fakes.WooCommerce;

namespace Portal.Fakes.Sandbox;

/// <summary>The fake Odoo's goods (<see cref="FakeOdooSeed.Goods"/>) put up for sale in the fake shop and the fake site, under the same SKUs.</summary>
public static class SandboxCatalogue
{
    /// <summary>The fake shop's one location, where its goods are stocked and its orders ship from.</summary>
    public static readonly string ShopifyLocation = $"gid://shopify/Location/{FakeShopifyPlacedOrder.LocationId}";

    public const string ShopifyLocationName = "Main warehouse";

    /// <summary>WooCommerce sites have one location, known by this id in location mappings.</summary>
    public const string WooCommerceLocation = "default";

    /// <summary>The warehouse of the fake Odoo both stores' locations stand for.</summary>
    public const string OdooWarehouse = "San Francisco";

    public static void Stock(FakeShopifyServer shop)
    {
        shop.Locations.Clear();
        shop.Locations[ShopifyLocation] = ShopifyLocationName;
        foreach (var (name, sku, barcode, price, _) in FakeOdooSeed.Goods)
        {
            shop.AddProduct(name, new FakeShopifyVariantSpec(sku, barcode, Price: (decimal)price));

            // Nothing on hand yet: the quantities Odoo holds arrive with the first stock sync.
            shop.StockItem(sku, ShopifyLocation, 0);
        }
    }

    public static void Stock(FakeWooCommerceShop site)
    {
        foreach (var (name, sku, barcode, price, _) in FakeOdooSeed.Goods)
        {
            site.AddProduct(product =>
            {
                product["name"] = name;
                product["sku"] = sku;
                product["global_unique_id"] = barcode;
                product["regular_price"] = price.ToString("0.00", CultureInfo.InvariantCulture);
                product["price"] = price.ToString("0.00", CultureInfo.InvariantCulture);
            });
        }
    }
}
