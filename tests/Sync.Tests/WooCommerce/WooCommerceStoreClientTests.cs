using System.Globalization;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>The <see cref="IStoreClient"/> of a WooCommerce store, against the fake over real HTTP.</summary>
public sealed class WooCommerceStoreClientTests : FakeWooCommerceTest
{
    private static readonly DateTimeOffset Since = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Describing_the_store_gives_its_name_currency_version_and_a_read_write_key()
    {
        var description = await Clients.For(Fake).DescribeAsync(CancellationToken.None);

        Assert.Equal(("Fake & Sons Shop", "EUR", FakeWooCommerceServer.WooCommerceVersion, null),
            (description.Name, description.Currency, description.Version, description.RateLimitRemaining));
        Assert.Equal(["read_write"], description.Access);
        Assert.Empty(Fake.Shop.Webhooks);
    }

    [Fact]
    public async Task Describing_with_a_read_only_key_reports_read_access()
    {
        var description = await Clients.For(Fake, Fake.ReadOnlyKey).DescribeAsync(CancellationToken.None);

        Assert.Equal(["read"], description.Access);
    }

    [Fact]
    public async Task Orders_changed_since_a_time_come_oldest_first_in_pages_of_100_with_the_page_as_cursor()
    {
        Fake.Shop.AddOrders(5, Since.AddHours(-5), TimeSpan.FromMinutes(10));
        var changed = Fake.Shop.AddOrders(250, Since, TimeSpan.FromMinutes(1));
        var client = Clients.For(Fake);

        var pages = new List<StorePage<CommerceOrder>>();
        string? cursor = null;
        do
        {
            var page = await client.OrdersChangedSinceAsync(Since, cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([100, 100, 50], pages.Select(page => page.Items.Count));
        Assert.Equal(["2", "3", null], pages.Select(page => page.NextCursor));
        Assert.Equal(changed.Select(id => id.ToString(CultureInfo.InvariantCulture)), pages.SelectMany(page => page.Items).Select(order => order.Id));
        var query = Fake.Requests[0].Query;
        Assert.Equal(("2026-11-20T11:59:59", "true", "modified", "asc", "100"),
            (query["modified_after"], query["dates_are_gmt"], query["orderby"], query["order"], query["per_page"]));
    }

    [Fact]
    public async Task An_order_is_read_into_the_canonical_model_and_a_missing_one_is_null()
    {
        var id = Fake.Shop.AddOrder(Since).ToString(CultureInfo.InvariantCulture);
        var client = Clients.For(Fake);

        var order = await client.OrderAsync(id, CancellationToken.None);
        var missing = await client.OrderAsync("424242", CancellationToken.None);

        Assert.Equal((id, 29.35m, "USD", Since), (order!.Id, order.Totals.Total, order.Currency, order.UpdatedAt));
        Assert.Null(missing);
    }

    [Fact]
    public async Task A_webhook_is_created_listed_and_deleted()
    {
        var client = Clients.For(Fake);
        Fake.PingOnCreate = false;

        var created = await client.CreateWebhookAsync("order.updated", new Uri("http://127.0.0.1:9/webhooks/woocommerce"), "s3cret", CancellationToken.None);
        var listed = await client.WebhooksAsync(CancellationToken.None);

        Assert.Equal(new RemoteWebhook(created.Id, "order.updated", new Uri("http://127.0.0.1:9/webhooks/woocommerce"), Active: true), created);
        Assert.Equal([created], listed);
        Assert.Equal("s3cret", Assert.Single(Fake.Shop.Webhooks).Secret);

        await client.DeleteWebhookAsync(created.Id, CancellationToken.None);
        await client.DeleteWebhookAsync(created.Id, CancellationToken.None);

        Assert.Empty(Fake.Shop.Webhooks);
        Assert.Equal("true", Fake.Requests.Last(request => request.Method == "DELETE").Query["force"]);
    }

    [Fact]
    public async Task A_disabled_webhook_is_listed_as_inactive()
    {
        Fake.Shop.AddWebhook("order.created", new Uri("http://127.0.0.1:9/hooks"), "secret", status: "disabled");

        var webhook = Assert.Single(await Clients.For(Fake).WebhooksAsync(CancellationToken.None));

        Assert.False(webhook.Active);
    }

    [Fact]
    public void A_connection_without_a_readable_key_is_a_configuration_error()
    {
        var connection = WooCommerceTestClients.Connection(Fake.Url.AbsoluteUri, Fake.ReadWriteKey) with { CredentialsJson = "{\"consumerKey\":\"ck_1\"}" };

        var error = Assert.Throws<StoreApiException>(() => Clients.Factory.Create(connection));

        Assert.Equal(StoreApiErrorKind.Configuration, error.Kind);
    }
}
