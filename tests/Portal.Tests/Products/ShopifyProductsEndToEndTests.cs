using System.Globalization;
using Portal.Fakes.Shopify;
using Portal.Tests.Orders;

namespace Portal.Tests.Products;

public sealed class ShopifyProductsEndToEndTests(ShopifyOrderToCashStore store) : ProductsEndToEndTests<ShopifyOrderToCashStore>(store)
{
    private readonly ShopifyOrderToCashStore store = store;

    protected override (string Product, string Variant) AddProduct(string title, string? sku, string? barcode)
    {
        var product = store.Shop.AddProduct(title, new FakeShopifyVariantSpec(sku, barcode));
        return (product.ToString(CultureInfo.InvariantCulture), store.Shop.VariantIds(product)[0].ToString(CultureInfo.InvariantCulture));
    }

    protected override (string Title, decimal Price) Read(string productId)
    {
        var product = store.Shop.Product(long.Parse(productId, CultureInfo.InvariantCulture));
        return (product["title"]!.GetValue<string>(), decimal.Parse(product["variants"]![0]!["price"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    protected override int ProductCount() => store.Shop.Products.Count;
}
