using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Products;

public sealed class WooCommerceProductImagesEndToEndTests(WooCommerceProductImageStore store) : ProductImagesEndToEndTests<WooCommerceProductImageStore>(store)
{
    private readonly WooCommerceProductImageStore store = store;

    protected override FakeTimeProvider Clock => store.Clock;

    protected override string AddProduct(string title, string sku) =>
        store.Site.Shop.AddProduct(p => (p["name"], p["sku"], p["regular_price"]) = (title, sku, "1.00")).ToString(CultureInfo.InvariantCulture);

    /// <summary>WooCommerce downloaded it while saving the product, from the portal's signed address.</summary>
    protected override Task<byte[]> PushedImageAsync(string productId, string imageId) =>
        Task.FromResult(store.Site.Images.Downloaded(long.Parse(imageId, CultureInfo.InvariantCulture)).Bytes);
}
