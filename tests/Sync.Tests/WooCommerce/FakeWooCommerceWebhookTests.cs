using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Webhooks;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>The fake sends webhooks as WooCommerce does, so the portal's intake can be tested against it.</summary>
public sealed class FakeWooCommerceWebhookTests : FakeWooCommerceTest
{
    private WebhookRecorder recorder = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        recorder = await WebhookRecorder.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await recorder.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Creating_a_webhook_pings_its_address_with_an_unsigned_form_body_the_dialect_recognises()
    {
        var webhook = await Clients.For(Fake).CreateWebhookAsync("order.created", recorder.Url, "s3cret", CancellationToken.None);

        var ping = Assert.Single(recorder.Received);
        Assert.Equal(("POST", "application/x-www-form-urlencoded"), (ping.Method, ping.ContentType));
        Assert.Equal($"webhook_id={webhook.Id}", Encoding.UTF8.GetString(ping.Body));
        Assert.DoesNotContain(ping.Headers.Keys, name => name.StartsWith("X-WC-Webhook", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("WooCommerce/", ping.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.True(new WooCommerceWebhookDialect().IsPing(Header(ping), ping.ContentType, ping.Body));
    }

    [Fact]
    public async Task A_delivery_is_the_order_as_it_is_now_signed_with_the_webhook_secret()
    {
        Fake.PingOnCreate = false;
        var webhook = await Clients.For(Fake).CreateWebhookAsync("order.updated", recorder.Url, "s3cret", CancellationToken.None);
        var orderId = Fake.Shop.AddOrder(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

        var delivery = await Fake.SendWebhookAsync(long.Parse(webhook.Id, CultureInfo.InvariantCulture), orderId);

        var received = Assert.Single(recorder.Received);
        Assert.True(delivery.Delivered);
        Assert.Equal("application/json", received.ContentType);
        Assert.True(WebhookSignature.IsValid(received.Body, received.Headers["X-WC-Webhook-Signature"], "s3cret"u8));
        Assert.False(WebhookSignature.IsValid(received.Body, received.Headers["X-WC-Webhook-Signature"], "another"u8));
        Assert.Equal((Fake.Url.AbsoluteUri, "order.updated", "order", "updated", webhook.Id),
            (received.Headers["X-WC-Webhook-Source"], received.Headers["X-WC-Webhook-Topic"], received.Headers["X-WC-Webhook-Resource"],
                received.Headers["X-WC-Webhook-Event"], received.Headers["X-WC-Webhook-ID"]));
        Assert.Equal(32, received.Headers["X-WC-Webhook-Delivery-ID"].Length);
        Assert.Equal(orderId.ToString(CultureInfo.InvariantCulture), WooCommercePayloads.ParseOrder(Encoding.UTF8.GetString(received.Body)).Id);
    }

    [Fact]
    public async Task A_deleted_topic_carries_only_the_id()
    {
        var webhook = Fake.Shop.AddWebhook("order.deleted", recorder.Url, "s3cret");

        await Fake.SendWebhookAsync(webhook.Id, 4242);

        Assert.Equal("""{"id":4242}""", Encoding.UTF8.GetString(Assert.Single(recorder.Received).Body));
    }

    [Fact]
    public async Task More_than_five_failed_deliveries_in_a_row_disable_the_webhook()
    {
        var webhook = Fake.Shop.AddWebhook("order.deleted", UnusedLoopback.Address("/webhooks"), "s3cret");

        for (var attempt = 0; attempt < 7; attempt++)
        {
            await Fake.SendWebhookAsync(webhook.Id, 1);
        }

        Assert.Equal("disabled", Fake.Shop.Webhook(webhook.Id)!.Status);
        Assert.All(Fake.Deliveries, delivery => Assert.False(delivery.Delivered));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Fake.SendWebhookAsync(webhook.Id, 1));
    }

    private static Func<string, StringValues> Header(WebhookRecorder.RecordedRequest request) =>
        name => request.Headers.TryGetValue(name, out var value) ? new StringValues(value) : StringValues.Empty;
}
