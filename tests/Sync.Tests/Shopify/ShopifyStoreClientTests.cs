using System.Net;
using Portal.Fakes.Shopify;
using Portal.Sync.Commerce;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Shopify;

/// <summary>The Shopify store client against the fake shop over real HTTP.</summary>
public class ShopifyStoreClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Describe_names_the_shop_its_plan_the_granted_scopes_and_the_budget_left()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var description = await shop.Client().DescribeAsync(CancellationToken.None);

        Assert.Equal(("Fake Shop", "EUR", "Basic"), (description.Name, description.Currency, description.Version));
        Assert.Equal(shop.Server.GrantedScopes, description.Access);
        Assert.InRange(description.RateLimitRemaining!.Value, 1900, 2000);
        Assert.Equal(ShopifyOptions.PinnedApiVersion, shop.Server.LastApiVersion);
    }

    [Fact]
    public async Task Orders_changed_since_come_oldest_change_first_page_by_page()
    {
        await using var shop = await ShopifyTestShop.StartAsync(maximumAvailable: 1_000_000, settings: new Dictionary<string, string?> { ["Shopify:OrdersPageSize"] = "250" });
        for (var i = 1; i <= 600; i++)
        {
            shop.Server.AddOrder(FakeShopifyOrder.Create(i, Start.AddMinutes(601 - i)));
        }

        shop.Server.AddOrder(FakeShopifyOrder.Create(9999, Start.AddDays(-1)));
        var client = shop.Client();

        var pages = new List<StorePage<Portal.Sync.Commerce.CommerceOrder>>();
        string? cursor = null;
        do
        {
            pages.Add(await client.OrdersChangedSinceAsync(Start, cursor, CancellationToken.None));
            cursor = pages[^1].NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([250, 250, 100], pages.Select(page => page.Items.Count));
        var orders = pages.SelectMany(page => page.Items).ToList();
        Assert.Equal(Enumerable.Range(1, 600).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), orders.Select(order => order.Id));
        Assert.Equal(orders.OrderBy(order => order.UpdatedAt).Select(order => order.Id), orders.Select(order => order.Id));
        Assert.Equal(3, shop.Server.CallsOf("orders"));
        Assert.Equal(600, shop.Server.CallsOf("order"));
    }

    [Fact]
    public async Task An_order_is_read_with_all_its_lines_and_a_missing_one_is_null()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        shop.Server.AddOrder(FakeShopifyOrder.Create(42, Start, lines: 60));
        var client = shop.Client();

        var order = await client.OrderAsync("42", CancellationToken.None);

        Assert.NotNull(order);
        Assert.Equal(60, order.Lines.Count);
        Assert.Equal(order.Lines.Select(line => line.Id).Distinct(), order.Lines.Select(line => line.Id));
        Assert.Equal(600m + 5m + 121m, order.Totals.Total);
        Assert.Equal(order.Totals.Total, Commerce.OrderArithmetic.TotalFromLines(order));
        Assert.Equal(3, shop.Server.CallsOf("order"));
        Assert.Null(await client.OrderAsync("43", CancellationToken.None));
        Assert.Equal(0, shop.Server.Throttled);
    }

    [Fact]
    public async Task Webhooks_are_created_listed_and_deleted_by_their_header_topic_names()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        shop.Server.AddWebhookSubscription("CARTS_UPDATE", new Uri("https://other-app.example.com/hooks"));
        var client = shop.Client();
        var address = new Uri("https://portal.example.com/webhooks/shopify/3f2a");

        var created = await client.CreateWebhookAsync("orders/create", address, "ignored", CancellationToken.None);
        await client.CreateWebhookAsync("app/uninstalled", address, "ignored", CancellationToken.None);

        Assert.Equal(("orders/create", address, true), (created.Topic, created.Address, created.Active));
        Assert.Equal(["CARTS_UPDATE", "ORDERS_CREATE", "APP_UNINSTALLED"], shop.Server.WebhookSubscriptions.Select(s => s.Topic));
        var listed = await client.WebhooksAsync(CancellationToken.None);
        Assert.Equal(["CARTS_UPDATE", "orders/create", "app/uninstalled"], listed.Select(webhook => webhook.Topic));
        Assert.Equal(created, listed[1]);

        await client.DeleteWebhookAsync(created.Id, CancellationToken.None);
        await client.DeleteWebhookAsync(created.Id, CancellationToken.None);

        Assert.Equal(["CARTS_UPDATE", "APP_UNINSTALLED"], shop.Server.WebhookSubscriptions.Select(s => s.Topic));
    }

    [Fact]
    public async Task Locations_are_the_shops_active_ones_with_their_names_and_need_read_locations()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        shop.Server.Locations["gid://shopify/Location/7"] = "Paris warehouse";
        var client = shop.Client();

        var locations = await client.Inventory.LocationsAsync(CancellationToken.None);

        Assert.Equal([new CommerceLocation("gid://shopify/Location/7", "Paris warehouse"), new CommerceLocation($"gid://shopify/Location/{FakeShopifyPlacedOrder.LocationId}", "Shop location")], locations);
        shop.Server.GrantedScopes = ["read_orders"];
        var denied = await Assert.ThrowsAsync<StoreApiException>(() => client.Inventory.LocationsAsync(CancellationToken.None));
        Assert.Equal(StoreApiErrorKind.Permission, denied.Kind);
    }

    [Fact]
    public async Task A_refused_mutation_fails_as_validation_with_Shopifys_words()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var client = shop.Client();
        var address = new Uri("https://portal.example.com/webhooks/shopify/3f2a");
        await client.CreateWebhookAsync("orders/create", address, "ignored", CancellationToken.None);

        var error = await Assert.ThrowsAsync<StoreApiException>(() => client.CreateWebhookAsync("orders/create", address, "ignored", CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Validation, error.Kind);
        Assert.EndsWith(": Address for this topic has already been taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_is_an_authentication_failure_that_does_not_show_the_token()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var error = await Assert.ThrowsAsync<StoreApiException>(() => shop.Client("shpat_revoked_secret").DescribeAsync(CancellationToken.None));

        Assert.Equal((StoreApiErrorKind.Authentication, 401), (error.Kind, error.Status));
        Assert.DoesNotContain("shpat_revoked_secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connect the store again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_scope_is_a_permission_failure_that_names_the_scope()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        shop.Server.GrantedScopes = ["read_products"];

        var error = await Assert.ThrowsAsync<StoreApiException>(() => shop.Client().OrderAsync("1", CancellationToken.None));

        Assert.Equal((StoreApiErrorKind.Permission, "ACCESS_DENIED"), (error.Kind, error.Code));
        Assert.Contains("the read_orders scope", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, StoreApiErrorKind.Configuration, "frozen")]
    [InlineData(HttpStatusCode.Locked, StoreApiErrorKind.Configuration, "locked")]
    [InlineData(HttpStatusCode.NotFound, StoreApiErrorKind.Configuration, "no shop")]
    [InlineData(HttpStatusCode.Forbidden, StoreApiErrorKind.Permission, "access scope")]
    [InlineData(HttpStatusCode.ServiceUnavailable, StoreApiErrorKind.Transient, "retried")]
    [InlineData(HttpStatusCode.InternalServerError, StoreApiErrorKind.Transient, "retried")]
    public async Task Http_failures_are_classified(HttpStatusCode status, StoreApiErrorKind kind, string explained)
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        shop.Server.RespondNext(status);

        var error = await Assert.ThrowsAsync<StoreApiException>(() => shop.Client().DescribeAsync(CancellationToken.None));

        Assert.Equal((kind, (int)status), (error.Kind, error.Status));
        Assert.Contains(explained, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_requests_is_waited_out_as_Shopify_asks_then_fails_as_transient()
    {
        await using var shop = await ShopifyTestShop.StartAsync(settings: new Dictionary<string, string?> { ["Shopify:MaxThrottledRetries"] = "2" });
        shop.Server.RespondNext(HttpStatusCode.TooManyRequests, times: 2, retryAfter: TimeSpan.FromSeconds(2));
        var client = shop.Client();

        Assert.Equal("Fake Shop", (await client.DescribeAsync(CancellationToken.None)).Name);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], shop.Clock.Waits);

        shop.Server.RespondNext(HttpStatusCode.TooManyRequests, times: 3, retryAfter: TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<StoreApiException>(() => client.DescribeAsync(CancellationToken.None));
        Assert.Equal((StoreApiErrorKind.Transient, 429), (error.Kind, error.Status));
    }

    [Fact]
    public async Task An_unreachable_shop_is_a_transient_failure()
    {
        var shop = await ShopifyTestShop.StartAsync();
        var client = shop.Client();
        await shop.Server.DisposeAsync();

        var error = await Assert.ThrowsAsync<StoreApiException>(() => client.DescribeAsync(CancellationToken.None));

        Assert.Equal(StoreApiErrorKind.Transient, error.Kind);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        await shop.DisposeAsync();
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://my-shop.myshopify.com")]
    [InlineData("my-shop.myshopify.com.evil.example.com")]
    [InlineData("https://my-shop.myshopify.com/admin")]
    public async Task An_address_that_is_not_a_shop_is_a_configuration_failure(string address)
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var error = Assert.Throws<StoreApiException>(() => shop.Clients.Create(shop.Connection() with { Address = address }));

        Assert.Equal(StoreApiErrorKind.Configuration, error.Kind);
    }

    [Fact]
    public async Task A_loopback_shop_needs_the_option()
    {
        await using var shop = await ShopifyTestShop.StartAsync(settings: new Dictionary<string, string?> { ["Stores:AllowLoopbackAddresses"] = "false" });

        Assert.Equal(StoreApiErrorKind.Configuration, Assert.Throws<StoreApiException>(() => shop.Client()).Kind);
        Assert.Equal("my-shop.myshopify.com", shop.Clients.Create(shop.Connection() with { Address = "My-Shop.myshopify.com" }).GraphQl.Shop.Domain);
    }

    [Fact]
    public void An_idempotent_mutation_needs_a_stable_identity_and_gets_the_same_key_for_it()
    {
        var operation = ShopifyOperation.All().Single(o => o.Name == "InventorySetQuantities");

        Assert.Throws<ArgumentException>(() => ShopifyMutation.Create(operation, []));
        var first = ShopifyMutation.Create(operation, [], "stock:job-1").Variables["idempotencyKey"]!.GetValue<string>();
        Assert.Equal(first, ShopifyMutation.Create(operation, [], "stock:job-1").Variables["idempotencyKey"]!.GetValue<string>());
        Assert.NotEqual(first, ShopifyMutation.Create(operation, [], "stock:job-2").Variables["idempotencyKey"]!.GetValue<string>());
        Assert.True(Guid.TryParse(first, out _));
    }
}
