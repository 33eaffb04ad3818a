using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Portal.Fakes;
using Portal.Fakes.Orders;
using Portal.Fakes.Shopify;
using Portal.Sync.Commerce;
using Portal.Sync.Shopify;
using Portal.Sync.Tests.Commerce;
using Portal.Sync.Webhooks;

namespace Portal.Sync.Tests.Shopify;

/// <summary>
/// The fake shop's webhook bodies for spec orders: in the real samples' REST shapes, read by the webhook mappers
/// into the same order and refunds as the GraphQL client reads, and delivered signed under the right topic.
/// </summary>
public class ShopifyOrderWebhookTests
{
    private const string Secret = "app-secret";

    private static readonly JsonSerializerOptions ByValue = new() { Converters = { new DecimalByValue() } };

    /// <summary>The spec orders, and orders after what can happen to them, each as the fake shop holds it.</summary>
    public static TheoryData<string> Scenarios() => [.. ShopifyOrderSpecs.ByName.Keys, "PartialRefund", "FullRefundWithRestock", "Cancelled"];

    private static long Place(FakeShopifyServer shop, string scenario)
    {
        switch (scenario)
        {
            case "PartialRefund":
                var partial = shop.AddOrder(ShopifyOrderSpecs.DiscountCode);
                shop.AddRefund(partial, new FakeRefundSpec([new FakeRefundLineSpec(0, 1)]));
                return partial;
            case "FullRefundWithRestock":
                var full = shop.AddOrder(ShopifyOrderSpecs.TaxedShipping);
                shop.AddRefund(full, new FakeRefundSpec([new FakeRefundLineSpec(0, 1, Restock: true)], Shipping: 15.00m));
                return full;
            case "Cancelled":
                var cancelled = shop.AddOrder(ShopifyOrderSpecs.SeveralTaxes);
                shop.CancelOrder(cancelled);
                return cancelled;
            default:
                return shop.AddOrder(ShopifyOrderSpecs.ByName[scenario]);
        }
    }

    [Theory]
    [MemberData(nameof(ShopifyOrderSpecs.Names), MemberType = typeof(ShopifyOrderSpecs))]
    public async Task The_order_body_has_the_stores_totals_and_they_add_up(string name)
    {
        var spec = ShopifyOrderSpecs.ByName[name];
        await using var shop = await FakeShopifyServer.StartAsync();

        var order = ShopifyPayloads.ParseOrder(shop.OrderWebhookBody(shop.AddOrder(spec)));

        Assert.Equal(
            (FakeOrderMath.LinesSubtotal(spec), FakeOrderMath.Discounts(spec), spec.Shipping?.Price ?? 0m, FakeOrderMath.Tax(spec), spec.Tip, spec.Duties.Sum(duty => duty.Amount), spec.Total),
            (order.Totals.LineItems, order.Totals.Discounts, order.Totals.Shipping, order.Totals.Tax, order.Totals.Tips, order.Totals.Duties, order.Totals.Total));
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order));
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromLines(order));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_webhook_body_and_the_GraphQL_order_are_the_same_order(string scenario)
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var id = Place(shop.Server, scenario);

        var fromWebhook = ShopifyPayloads.ParseOrder(shop.Server.OrderWebhookBody(id));
        var fromGraphQl = await shop.Client().OrderAsync(id.ToString(CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.Equal(Comparable(fromGraphQl!), Comparable(fromWebhook));
    }

    [Fact]
    public async Task The_refund_body_is_the_refund_the_GraphQL_order_carries()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var id = shop.Server.AddOrder(ShopifyOrderSpecs.TaxedShipping);
        var refundId = shop.Server.AddRefund(id, new FakeRefundSpec([new FakeRefundLineSpec(0, 1, Restock: true)], Shipping: 5.00m));

        var fromWebhook = ShopifyPayloads.ParseRefund(shop.Server.RefundWebhookBody(refundId));
        var fromGraphQl = (await shop.Client().OrderAsync(id.ToString(CultureInfo.InvariantCulture), CancellationToken.None))!.Refunds.Single();

        Assert.Equal(Comparable(fromGraphQl), Comparable(fromWebhook));
        Assert.Equal((5.00m, 0.36m, 40.00m + 2.90m + 5.00m + 0.36m), (fromWebhook.Shipping, fromWebhook.ShippingTax, fromWebhook.Amount));
    }

    [Fact]
    public async Task The_bodies_use_only_field_names_of_Shopifys_own_samples()
    {
        await using var shop = await FakeShopifyServer.StartAsync();
        var id = shop.AddOrder(ShopifyOrderSpecs.DiscountCode);
        var refundId = shop.AddRefund(id, new FakeRefundSpec([new FakeRefundLineSpec(0, 1)]));
        var order = JsonNode.Parse(shop.OrderWebhookBody(id))!;
        var refund = JsonNode.Parse(shop.RefundWebhookBody(refundId))!;
        var realOrder = JsonNode.Parse(RealFixture.Property("shopify/webhooks/orders_create.2026-04.docs-sample.json", "response"))!;
        var realRefund = JsonNode.Parse(RealFixture.Property("shopify/webhooks/refunds_create.2026-04.docs-sample.json", "response"))!;
        var realTaxes = JsonNode.Parse(RealFixture.Text("shopify/webhooks/orders_create.2024-04.anonymized-real-tax-lines.json"))!;
        var realDiscounts = JsonNode.Parse(RealFixture.Text("shopify/webhooks/orders_create.2023-10.anonymized-real-discount.json"))!;

        AssertNamesKnown(order, realOrder, "order");
        AssertNamesKnown(order["line_items"]![0]!, realOrder["line_items"]![0]!, "line_items[0]");
        AssertNamesKnown(order["shipping_lines"]![0]!, realOrder["shipping_lines"]![0]!, "shipping_lines[0]");
        AssertNamesKnown(order["customer"]!, realOrder["customer"]!, "customer");
        AssertNamesKnown(order["billing_address"]!, realOrder["billing_address"]!, "billing_address");
        AssertNamesKnown(order["line_items"]![0]!["tax_lines"]![0]!, realTaxes["tax_lines"]![0]!, "tax_lines[0]");
        AssertNamesKnown(order["line_items"]![0]!["discount_allocations"]![0]!, realDiscounts["line_items"]![0]!["discount_allocations"]![0]!, "discount_allocations[0]");
        AssertNamesKnown(order["discount_applications"]![0]!, realDiscounts["discount_applications"]![0]!, "discount_applications[0]");
        AssertNamesKnown(order["discount_codes"]![0]!, realDiscounts["discount_codes"]![0]!, "discount_codes[0]");
        AssertNamesKnown(refund, realRefund, "refund");
        AssertNamesKnown(refund["refund_line_items"]![0]!, realRefund["refund_line_items"]![0]!, "refund_line_items[0]");
        AssertNamesKnown(refund["transactions"]![0]!, realRefund["transactions"]![0]!, "transactions[0]");
    }

    [Fact]
    public async Task Order_and_refund_webhooks_are_delivered_signed_under_their_topics_as_of_their_last_change()
    {
        var received = new ConcurrentQueue<(HeaderDictionary Headers, byte[] Body)>();
        await using var receiver = await LoopbackServer.StartAsync(app => app.MapPost("/webhooks", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body.ToArray()));
        }));
        var address = new Uri(receiver.Url, "/webhooks");
        await using var shop = await FakeShopifyServer.StartAsync();
        var id = shop.AddOrder(ShopifyOrderSpecs.Unpaid);
        shop.MarkPaid(id);
        var refundId = shop.AddRefund(id, new FakeRefundSpec([new FakeRefundLineSpec(0, 1)]));

        using var paid = await shop.SendOrderWebhookAsync(address, "orders/paid", id, Secret);
        using var refunded = await shop.SendRefundWebhookAsync(address, refundId, Secret);

        Assert.True(paid.IsSuccessStatusCode && refunded.IsSuccessStatusCode);
        var dialect = new ShopifyWebhookDialect();
        var deliveries = received.ToList();
        Assert.Equal(["orders/paid", "refunds/create"], deliveries.Select(delivery => dialect.Topic(name => delivery.Headers[name])));
        Assert.All(deliveries, delivery =>
            Assert.True(WebhookSignature.IsValid(delivery.Body, dialect.Signature(name => delivery.Headers[name]), Encoding.UTF8.GetBytes(Secret))));
        var order = ShopifyPayloads.ParseOrder(Encoding.UTF8.GetString(deliveries[0].Body));
        var refund = ShopifyPayloads.ParseRefund(Encoding.UTF8.GetString(deliveries[1].Body));
        Assert.Equal((id.ToString(CultureInfo.InvariantCulture), CommerceFinancialStatus.PartiallyRefunded), (order.Id, order.FinancialStatus.Meaning));
        Assert.Equal((refundId.ToString(CultureInfo.InvariantCulture), order.Id), (refund.Id, refund.OrderId));
        Assert.Equal(order.UpdatedAt, DateTimeOffset.Parse(deliveries[0].Headers["X-Shopify-Triggered-At"]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_order_webhook_under_a_topic_whose_body_is_not_the_order_is_refused()
    {
        await using var shop = await FakeShopifyServer.StartAsync();
        var id = shop.AddOrder(ShopifyOrderSpecs.Tip);

        await Assert.ThrowsAsync<ArgumentException>(() => shop.SendOrderWebhookAsync(new Uri("http://127.0.0.1:9/"), "refunds/create", id, Secret));
    }

    [Fact]
    public async Task Fee_lines_are_refused_as_Shopify_has_none()
    {
        await using var shop = await FakeShopifyServer.StartAsync();

        Assert.Throws<ArgumentException>(() => shop.AddOrder(ShopifyOrderSpecs.Tip with { Fees = [new FakeFeeSpec("Gift wrap", 3.00m, [])] }));
    }

    private static void AssertNamesKnown(JsonNode fake, JsonNode real, string path)
    {
        var unknown = fake.AsObject().Select(field => field.Key).Except(real.AsObject().Select(field => field.Key)).ToList();
        Assert.True(unknown.Count == 0, $"{path}: {string.Join(", ", unknown)} are in no real sample");
    }

    /// <summary>
    /// The order as both sources can tell it: status codes spelt as each API spells them are left out (their meanings
    /// stay), and payments too, as order webhook bodies carry no transactions. Amounts are compared by value
    /// ("40.00" and "40.0" are the same money).
    /// </summary>
    private static string Comparable(CommerceOrder order) => JsonSerializer.Serialize(order with
    {
        FinancialStatus = new(order.FinancialStatus.Meaning, null),
        FulfilmentStatus = new(order.FulfilmentStatus.Meaning, null),
        Payments = [],
        Refunds = [.. order.Refunds.Select(Normalized)],
    }, ByValue);

    private static string Comparable(CommerceRefund refund) => JsonSerializer.Serialize(Normalized(refund), ByValue);

    private static CommerceRefund Normalized(CommerceRefund refund) => refund with
    {
        Lines = [.. refund.Lines.Select(line => line with { Restock = line.Restock is { } restock ? new(restock.Meaning, null) : null })],
        Transactions = [.. refund.Transactions.Select(transaction => transaction with { Kind = new(transaction.Kind.Meaning, null), Status = new(transaction.Status.Meaning, null) })],
    };

    /// <summary>Writes a decimal without its trailing zeros, so equal amounts of different scales serialize alike.</summary>
    private sealed class DecimalByValue : System.Text.Json.Serialization.JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.000000000000000000000000000000000m);
    }
}
