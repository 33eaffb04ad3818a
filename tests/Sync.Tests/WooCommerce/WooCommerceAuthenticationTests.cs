using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>How keys travel: Basic auth over HTTPS, the query string where the server drops the header, OAuth 1.0a over plain HTTP.</summary>
public sealed class WooCommerceAuthenticationTests() : FakeWooCommerceTest(Clock)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    // Never advanced: the fake and the clients agree on the time unless a test gives the clients another clock.
    private static readonly FakeTimeProvider Clock = new(Now);

    [Fact]
    public async Task Over_https_the_key_goes_in_basic_auth()
    {
        await Clients.For(Fake).WebhooksAsync(CancellationToken.None);

        var request = Assert.Single(Fake.Requests);
        Assert.Equal("basic-header", request.Authentication);
        Assert.DoesNotContain("consumer_secret", request.Query.Keys);
    }

    [Fact]
    public async Task When_the_server_drops_the_authorization_header_the_key_moves_to_the_query_string_and_stays_there_for_the_site()
    {
        Fake.StripsAuthorizationHeader = true;
        await Clients.For(Fake).WebhooksAsync(CancellationToken.None);

        Assert.Collection(Fake.Requests,
            refused => Assert.Equal((null, 401), (refused.Authentication, refused.Status)),
            accepted => Assert.Equal(("query-string", 200), (accepted.Authentication, accepted.Status)));
        Assert.Equal(WooCommerceSiteQuirk.StripsAuthorizationHeader, Clients.Services.GetService<WooCommerceSiteQuirks>()!.Of(Fake.Url.AbsoluteUri.TrimEnd('/')));

        Fake.ClearRequests();
        await Clients.For(Fake).WebhooksAsync(CancellationToken.None);

        var request = Assert.Single(Fake.Requests);
        Assert.Equal(("query-string", 200), (request.Authentication, request.Status));
    }

    [Fact]
    public async Task An_unknown_consumer_key_is_an_authentication_failure_and_teaches_the_client_nothing()
    {
        var unknown = FakeWooCommerceKey.Generate("read_write");

        var error = await Assert.ThrowsAsync<StoreApiException>(() => Clients.For(Fake, unknown).WebhooksAsync(CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Authentication, error.Kind);
        Assert.Equal(401, error.Status);
        Assert.Contains("does not know this consumer key", error.Message, StringComparison.Ordinal);
        Assert.Equal(WooCommerceSiteQuirk.None, Clients.Services.GetService<WooCommerceSiteQuirks>()!.Of(Fake.Url.AbsoluteUri.TrimEnd('/')));
    }

    [Fact]
    public async Task A_wrong_secret_is_an_authentication_failure_with_WooCommerces_words()
    {
        var wrongSecret = Fake.ReadWriteKey with { ConsumerSecret = "cs_wrong" };

        var error = await Assert.ThrowsAsync<StoreApiException>(() => Clients.For(Fake, wrongSecret).WebhooksAsync(CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Authentication, error.Kind);
        Assert.Equal("woocommerce_rest_authentication_error", error.Code);
        Assert.Equal("WooCommerce refused the API key: Consumer secret is invalid.", error.Message);
        Assert.DoesNotContain("cs_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_key_that_writes_gets_a_permission_error_naming_the_fix()
    {
        var error = await Assert.ThrowsAsync<StoreApiException>(() =>
            Clients.For(Fake, Fake.ReadOnlyKey).CreateWebhookAsync("order.created", new Uri("http://127.0.0.1:9/hooks"), "secret", CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Permission, error.Kind);
        Assert.Equal(
            "The API key is read-only: create a key with Read/Write permission in WooCommerce → Settings → Advanced → REST API.", error.Message);
        Assert.Empty(Fake.Shop.Webhooks);
    }

    [Fact]
    public void Plain_http_is_refused_unless_the_store_allows_it()
    {
        using var plainHttp = new WooCommerceTestClients(Clock, loopbackIsSecure: false);

        var error = Assert.Throws<StoreApiException>(() => plainHttp.For(Fake));

        Assert.Equal(StoreApiErrorKind.Configuration, error.Kind);
        Assert.Equal(
            $"{Fake.Url.AbsoluteUri.TrimEnd('/')} is plain HTTP; WooCommerce keys would travel in clear. Use https, or allow insecure HTTP for this store explicitly.",
            error.Message);
    }

    [Fact]
    public async Task Over_plain_http_allowed_for_the_store_requests_are_signed_with_OAuth1_and_the_secret_never_travels()
    {
        Fake.Secure = false;
        using var plainHttp = new WooCommerceTestClients(Clock, loopbackIsSecure: false);
        var id = Fake.Shop.AddOrder(Now.AddDays(-1));

        var order = await plainHttp.For(Fake, allowInsecureHttp: true).OrderAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.NotNull(order);
        var request = Assert.Single(Fake.Requests);
        Assert.Equal(("oauth1", 200), (request.Authentication, request.Status));
        Assert.Equal("HMAC-SHA256", request.Query["oauth_signature_method"]);
        Assert.DoesNotContain(request.Query.Values, value => value.Contains(Fake.ReadWriteKey.ConsumerSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OAuth1_signs_the_rest_route_of_a_site_with_plain_permalinks_and_the_query_of_a_listing()
    {
        Fake.Secure = false;
        Fake.PlainPermalinks = true;
        Fake.Shop.AddOrders(3, Now.AddHours(-3), TimeSpan.FromMinutes(1));
        using var plainHttp = new WooCommerceTestClients(Clock, loopbackIsSecure: false);

        var page = await plainHttp.For(Fake, allowInsecureHttp: true).OrdersChangedSinceAsync(Now.AddDays(-1), null, CancellationToken.None);

        Assert.Equal(3, page.Items.Count);
        Assert.Equal(("oauth1", 200), (Fake.Requests[^1].Authentication, Fake.Requests[^1].Status));
        Assert.Equal("/wc/v3/orders", Fake.Requests[^1].Route);
    }

    [Fact]
    public async Task A_signature_from_a_clock_more_than_15_minutes_off_is_refused_as_WooCommerce_does()
    {
        Fake.Secure = false;
        using var plainHttp = new WooCommerceTestClients(new FakeTimeProvider(Now.AddMinutes(16)), loopbackIsSecure: false);

        var error = await Assert.ThrowsAsync<StoreApiException>(() => plainHttp.For(Fake, allowInsecureHttp: true).WebhooksAsync(CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Authentication, error.Kind);
        Assert.Equal("WooCommerce refused the API key: Invalid timestamp.", error.Message);
    }

    [Fact]
    public async Task Every_signed_request_has_its_own_nonce()
    {
        Fake.Secure = false;
        using var plainHttp = new WooCommerceTestClients(Clock, loopbackIsSecure: false);
        var client = plainHttp.For(Fake, allowInsecureHttp: true);

        await client.WebhooksAsync(CancellationToken.None);
        await client.WebhooksAsync(CancellationToken.None);

        Assert.All(Fake.Requests, request => Assert.Equal(200, request.Status));
        Assert.Equal(2, Fake.Requests.Select(request => request.Query["oauth_nonce"]).Distinct().Count());
    }
}
