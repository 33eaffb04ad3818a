using Portal.Fakes.Shopify;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;

namespace Portal.Tests.Stores;

/// <summary>The connect forms a merchant fills in for the fake stores: a Shopify app's token and secret, a WooCommerce read/write key.</summary>
internal static class FakeStoreForms
{
    public static ShopifyStoreForm Shopify(FakeShopifyServer shop, string name) => new()
    {
        Name = name,
        Shop = shop.Url.AbsoluteUri,
        AccessToken = shop.AccessToken,
        AppSecret = shop.ClientSecret,
    };

    public static WooCommerceStoreForm WooCommerce(FakeWooCommerceServer site, string name) => new()
    {
        Name = name,
        SiteUrl = site.Url.AbsoluteUri,
        ConsumerKey = site.ReadWriteKey.ConsumerKey,
        ConsumerSecret = site.ReadWriteKey.ConsumerSecret,
    };
}
