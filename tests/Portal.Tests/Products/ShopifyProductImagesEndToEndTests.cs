using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Portal.Fakes.Shopify;

namespace Portal.Tests.Products;

public sealed class ShopifyProductImagesEndToEndTests(ShopifyProductImageStore store) : ProductImagesEndToEndTests<ShopifyProductImageStore>(store)
{
    private readonly ShopifyProductImageStore store = store;

    protected override FakeTimeProvider Clock => store.Clock;

    protected override string AddProduct(string title, string sku) =>
        store.Shop.AddProduct(title, new FakeShopifyVariantSpec(sku)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Shopify downloads media later, from the address it was given: here, the portal's signed address.</summary>
    protected override async Task<byte[]> PushedImageAsync(string productId, string imageId)
    {
        var media = store.Shop.Media(long.Parse(productId, CultureInfo.InvariantCulture)).Single(m => m["id"]!.GetValue<string>() == $"gid://shopify/MediaImage/{imageId}");
        var source = new Uri(media["originalSource"]!["url"]!.GetValue<string>());
        Assert.Equal(store.Portal.Host.BaseAddress.Authority, source.Authority);
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(source);
    }
}
