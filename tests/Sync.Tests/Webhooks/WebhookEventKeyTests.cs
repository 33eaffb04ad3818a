using System.Text.Json;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Webhooks;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.Webhooks;

/// <summary>Which event a webhook's job stands for, read from its body: the same store change names the same job as polling does.</summary>
public class WebhookEventKeyTests
{
    private static readonly Guid Store = Guid.Parse("0193f4c2-7a10-7000-8000-000000000001");

    private static string? EventKey(IWebhookDialect dialect, string topic, string body)
    {
        var route = dialect.Route(topic) ?? throw new ArgumentException($"No route for {topic}.", nameof(topic));
        var resource = dialect.Resource(Store, JsonDocument.Parse(body).RootElement) ?? throw new ArgumentException("No resource.", nameof(body));
        return route.EventKey(resource);
    }

    [Theory]
    [InlineData("orders/create")]
    [InlineData("orders/updated")]
    [InlineData("orders/paid")]
    [InlineData("orders/cancelled")]
    public void Every_Shopify_order_topic_names_the_order_version_by_its_updated_at(string topic)
    {
        var key = EventKey(new ShopifyWebhookDialect(), topic, """{"id":820982911946154508,"name":"#1001","updated_at":"2026-11-24T10:00:00-05:00"}""");

        Assert.Equal(StoreEventKeys.OrderChange(Store, "820982911946154508", new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero)), key);
    }

    [Fact]
    public void A_Shopify_refund_is_named_by_its_id_alone()
    {
        var key = EventKey(new ShopifyWebhookDialect(), "refunds/create", """{"id":929361465,"order_id":820982911946154508,"created_at":"2026-11-24T10:00:00-05:00"}""");

        Assert.Equal(StoreEventKeys.Refund(Store, "929361465"), key);
    }

    [Theory]
    [InlineData("products/update", """{"id":632910392,"title":"IPod Nano","updated_at":"2026-11-24T10:00:00-05:00"}""")]
    [InlineData("app/uninstalled", """{"id":548380009,"name":"Super Toys"}""")]
    [InlineData("orders/updated", """{"id":820982911946154508,"name":"#1001"}""")]
    [InlineData("orders/updated", """{"id":820982911946154508,"name":"#1001","updated_at":"yesterday"}""")]
    public void Other_topics_and_orders_without_a_readable_time_are_named_by_their_delivery(string topic, string body)
    {
        Assert.Null(EventKey(new ShopifyWebhookDialect(), topic, body));
    }

    [Fact]
    public void A_WooCommerce_order_is_named_by_its_UTC_modification_time()
    {
        var key = EventKey(new WooCommerceWebhookDialect(), "order.updated",
            """{"id":727,"number":"727","date_modified":"2026-11-24T11:00:00","date_modified_gmt":"2026-11-24T10:00:00"}""");

        Assert.Equal(StoreEventKeys.OrderChange(Store, "727", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero)), key);
    }

    [Fact]
    public void A_WooCommerce_order_with_only_its_local_time_is_named_by_its_delivery()
    {
        // The site's local time read as UTC could name a later version and have its change skipped as done.
        Assert.Null(EventKey(new WooCommerceWebhookDialect(), "order.updated", """{"id":727,"number":"727","date_modified":"2026-11-24T11:00:00"}"""));
    }
}
