using System.Globalization;
using Portal.Tests.Orders;

namespace Portal.Tests.Products;

public sealed class WooCommerceProductsEndToEndTests(WooCommerceOrderToCashStore store) : ProductsEndToEndTests<WooCommerceOrderToCashStore>(store)
{
    private readonly WooCommerceOrderToCashStore store = store;

    protected override (string Product, string Variant) AddProduct(string title, string? sku, string? barcode)
    {
        var id = store.Site.Shop.AddProduct(p =>
        {
            p["name"] = title;
            p["sku"] = sku ?? "";
            p["global_unique_id"] = barcode ?? "";
            p["regular_price"] = "1.00";
        }).ToString(CultureInfo.InvariantCulture);
        return (id, id);
    }

    protected override (string Title, decimal Price) Read(string productId)
    {
        var product = store.Site.Shop.Product(long.Parse(productId, CultureInfo.InvariantCulture))!;
        return (product["name"]!.GetValue<string>(), decimal.Parse(product["regular_price"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    protected override int ProductCount() => store.Site.Shop.Products.Count;
}
