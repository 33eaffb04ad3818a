using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Portal.Fakes.Orders;
using Portal.Sync.Commerce;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary><see cref="WooCommerceStoreClient.OrderAsync"/> end to end against the fake over HTTP, refunds included.</summary>
public sealed class WooCommerceOrderClientTests : FakeWooCommerceTest
{
    private static readonly FakeTaxSpec StateTax = new("CA State Tax", 0.0725m);

    private static readonly FakeOrderSpec Spec = new()
    {
        Lines = [new("MUG-1", "Mug", 4, 12.50m, [StateTax]), new("TEE-M", "T-shirt M", 2, 20.00m, [StateTax])],
        Shipping = new FakeShippingSpec("Flat rate", "flat_rate", 7.00m, [StateTax]),
        Gateway = "stripe",
    };

    [Fact]
    public async Task An_order_without_refunds_is_read_with_one_request()
    {
        var id = Fake.Shop.AddOrder(Spec);

        var order = await Clients.For(Fake).OrderAsync(Text(id), CancellationToken.None);

        Assert.Equal((Spec.Total, 2, 0), (order!.Totals.Total, order.Lines.Count, order.Refunds.Count));
        Assert.Equal([$"/wc/v3/orders/{id}"], Fake.Requests.Select(request => request.Route));
    }

    [Fact]
    public async Task An_order_with_refunds_reads_every_page_of_its_refunds_in_full()
    {
        var id = Fake.Shop.AddOrder(Spec);
        var refunds = Enumerable.Range(0, 3).Select(index => Fake.Shop.AddRefund(id, new FakeRefundSpec([new(0, 1, Restock: true)], Note: $"Return {index}"))).ToList();
        var client = new WooCommerceTestClients(settings: new Dictionary<string, string?> { ["WooCommerce:PageSize"] = "2" });

        CommerceOrder? order;
        using (client)
        {
            order = await client.For(Fake).OrderAsync(Text(id), CancellationToken.None);
        }

        Assert.Equal(refunds.AsEnumerable().Reverse().Select(Text), order!.Refunds.Select(refund => refund.Id));
        Assert.All(order.Refunds, refund =>
        {
            var line = Assert.Single(refund.Lines);
            Assert.Equal((order.Lines[0].Id, 1, 12.50m, 0.91m), (line.LineId, line.Quantity, line.Subtotal, line.Tax));
            Assert.True(refund.Restock);
            Assert.Equal(13.41m, refund.Amount);
            Assert.NotNull(refund.CreatedAt);
        });
        Assert.Equal(CommerceFinancialStatus.PartiallyRefunded, order.FinancialStatus.Meaning);
        var listings = Fake.Requests.Where(request => request.Route == $"/wc/v3/orders/{id}/refunds").ToList();
        Assert.Equal([("1", "2"), ("2", "2")], listings.Select(request => (request.Query["page"], request.Query["per_page"])));
    }

    [Fact]
    public async Task A_refund_is_read_under_its_order_and_not_under_another()
    {
        var id = Fake.Shop.AddOrder(Spec);
        var other = Fake.Shop.AddOrder(Spec);
        var refund = Fake.Shop.AddRefund(id, new FakeRefundSpec([new(1, 1)]));
        var rest = Clients.Rest(Fake);

        var read = await rest.GetAsync($"orders/{id}/refunds/{refund}", [], CancellationToken.None);
        var error = await Assert.ThrowsAsync<Portal.Sync.Stores.StoreApiException>(() => rest.GetAsync($"orders/{other}/refunds/{refund}", [], CancellationToken.None));

        Assert.Equal("-1", read.GetProperty("line_items")[0].GetProperty("quantity").GetRawText());
        Assert.Contains("Invalid order refund ID.", error.Message, StringComparison.Ordinal);
        Assert.Equal(404, Fake.Requests[^1].Status);
    }

    [Fact]
    public async Task A_refund_or_cancellation_moves_the_order_into_the_next_poll()
    {
        var placed = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
        var refunded = Fake.Shop.AddOrder(Spec, placed);
        var cancelled = Fake.Shop.AddOrder(Spec, placed);
        Fake.Shop.AddOrder(Spec, placed);
        Fake.Shop.AddRefund(refunded, new FakeRefundSpec([new(0, 1)]));
        Fake.Shop.CancelOrder(cancelled);

        var page = await Clients.For(Fake).OrdersChangedSinceAsync(placed.AddMinutes(1), null, CancellationToken.None);

        Assert.Equal([Text(refunded), Text(cancelled)], page.Items.Select(order => order.Id).Order());
        Assert.Single(page.Items.Single(order => order.Id == Text(refunded)).Refunds);
        Assert.NotNull(page.Items.Single(order => order.Id == Text(cancelled)).Cancellation);
    }

    [Fact]
    public async Task The_order_webhook_body_is_the_current_order_signed_with_the_webhook_secret()
    {
        await using var recorder = await WebhookRecorder.StartAsync();
        var webhook = Fake.Shop.AddWebhook("order.updated", recorder.Url, "s3cret");
        var id = Fake.Shop.AddOrder(Spec);
        Fake.Shop.AddRefund(id, new FakeRefundSpec([new(0, 1)]));

        var delivery = Assert.Single(await Fake.SendOrderWebhookAsync(id));

        var received = Assert.Single(recorder.Received);
        Assert.Equal((webhook.Id, true), (delivery.WebhookId, delivery.Delivered));
        Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData("s3cret"u8, received.Body)), received.Headers["X-WC-Webhook-Signature"]);
        Assert.Equal(("order.updated", "order"), (received.Headers["X-WC-Webhook-Topic"], received.Headers["X-WC-Webhook-Resource"]));
        var order = WooCommercePayloads.ParseOrder(Encoding.UTF8.GetString(received.Body));
        Assert.Equal((Text(id), Spec.Total, 1), (order.Id, order.Totals.Total, order.Refunds.Count));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Fake.SendOrderWebhookAsync(id, "order.created"));
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
