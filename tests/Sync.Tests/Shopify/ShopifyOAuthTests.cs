using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Shopify;

public class ShopifyOAuthTests
{
    // Shopify's documented example: the callback query with secret "hush".
    private const string DocsCallback =
        "code=0907a61c0c8d55e99db179b68161bc00&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173";

    private static ShopifyOAuth OAuth(bool allowLoopback = false) =>
        new(new NoHttp(), Options.Create(new ShopifyOptions()), Options.Create(new StoresOptions { AllowLoopbackAddresses = allowLoopback }));

    private static Dictionary<string, StringValues> Query(string query) => QueryHelpers.ParseQuery(query);

    [Fact]
    public void Shopifys_published_callback_is_authentic()
    {
        Assert.True(ShopifyOAuth.IsAuthentic(Query(DocsCallback), "hush"));
        Assert.Equal("code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173",
            ShopifyOAuth.SignedMessage(Query(DocsCallback)));
    }

    [Fact]
    public void The_python_api_vector_is_authentic_too()
    {
        const string query = "shop=some-shop.myshopify.com&code=a94a110d86d2452eb3e2af4cfb8a3828&timestamp=1337178173&hmac=2cb1a277650a659f1b11e92a4a64275b128e037f2c3390e3c8fd2d8721dac9e2";

        Assert.True(ShopifyOAuth.IsAuthentic(Query(query), "hush"));
    }

    [Theory]
    [InlineData("shop=other-shop.myshopify.com")]
    [InlineData("hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4be")]
    [InlineData("hmac=not-hex")]
    [InlineData("hmac=")]
    public void A_changed_parameter_or_signature_is_not_authentic(string change)
    {
        var parameters = Query(DocsCallback);
        var (name, value) = (change.Split('=')[0], change.Split('=')[1]);
        parameters[name] = value;

        Assert.False(ShopifyOAuth.IsAuthentic(parameters, "hush"));
    }

    [Fact]
    public void Another_secret_or_no_signature_is_not_authentic()
    {
        Assert.False(ShopifyOAuth.IsAuthentic(Query(DocsCallback), "hush-2"));
        Assert.False(ShopifyOAuth.IsAuthentic(Query(DocsCallback.Replace("hmac=", "hmac_=", StringComparison.Ordinal)), "hush"));
    }

    [Fact]
    public void The_authorize_url_asks_the_shop_for_the_apps_scopes()
    {
        var oauth = OAuth();
        var url = oauth.AuthorizeUrl(oauth.ParseShop("some-shop.myshopify.com")!, "app-client-id", new Uri("https://portal.example.com/shopify/callback"), "nonce-1");

        Assert.Equal("https://some-shop.myshopify.com/admin/oauth/authorize", url.GetLeftPart(UriPartial.Path));
        var query = Query(url.Query);
        Assert.Equal(("app-client-id", "https://portal.example.com/shopify/callback", "nonce-1"), (query["client_id"].ToString(), query["redirect_uri"].ToString(), query["state"].ToString()));
        Assert.Equal(
            ["read_orders", "read_products", "write_products", "write_files", "read_inventory", "write_inventory", "read_fulfillments", "write_fulfillments",
             "read_merchant_managed_fulfillment_orders", "write_merchant_managed_fulfillment_orders", "read_customers", "read_locations"],
            query["scope"].ToString().Split(','));
    }

    [Theory]
    [InlineData("some-shop.myshopify.com", true)]
    [InlineData("Some-Shop2.myshopify.com", true)]
    [InlineData("-shop.myshopify.com", false)]
    [InlineData("some-shop.myshopify.com.evil.com", false)]
    [InlineData("evil.com/some-shop.myshopify.com", false)]
    [InlineData("some_shop.myshopify.com", false)]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("", false)]
    public void Only_a_myshopify_domain_is_a_shop(string shop, bool accepted)
    {
        Assert.Equal(accepted, OAuth().ParseShop(shop) is not null);
    }

    [Fact]
    public void A_loopback_shop_is_allowed_only_by_the_option()
    {
        Assert.Equal("127.0.0.1:5000", OAuth(allowLoopback: true).ParseShop("http://127.0.0.1:5000")!.Domain);
        Assert.Null(OAuth(allowLoopback: true).ParseShop("http://10.0.0.1:5000"));
    }

    [Fact]
    public async Task A_wrong_client_secret_cannot_exchange_a_code()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var target = shop.OAuth.ParseShop(shop.Server.Url.ToString())!;

        var error = await Assert.ThrowsAsync<StoreApiException>(() =>
            shop.OAuth.ExchangeCodeAsync(target, shop.Server.ClientId, "wrong-secret", shop.Server.IssueAuthorizationCode(), CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Authentication, error.Kind);
        Assert.DoesNotContain("wrong-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_is_exchanged_once_for_the_offline_token()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var code = shop.Server.IssueAuthorizationCode();
        var target = shop.OAuth.ParseShop(shop.Server.Url.ToString())!;

        var grant = await shop.OAuth.ExchangeCodeAsync(target, shop.Server.ClientId, shop.Server.ClientSecret, code, CancellationToken.None);

        Assert.Equal(shop.Server.AccessToken, grant.AccessToken);
        Assert.Equal(shop.Server.GrantedScopes, grant.Scopes);
        Assert.DoesNotContain(grant.AccessToken, grant.ToString(), StringComparison.Ordinal);
        var reused = await Assert.ThrowsAsync<StoreApiException>(() =>
            shop.OAuth.ExchangeCodeAsync(target, shop.Server.ClientId, shop.Server.ClientSecret, code, CancellationToken.None));
        Assert.Equal(StoreApiErrorKind.Authentication, reused.Kind);
        Assert.DoesNotContain(shop.Server.ClientSecret, reused.Message, StringComparison.Ordinal);
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No HTTP in this test.");
    }
}
