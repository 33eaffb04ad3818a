using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Tests.Commerce;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>
/// WooCommerce's own v3 samples read together: order 723 (the batch sample's deleted order, whose summaries list
/// refunds 726 and 724) with the "Retrieve a refund" sample, which is its refund 726.
/// </summary>
public class WooCommerceRefundSampleTests
{
    private const string RefundSample = "woocommerce/order_refund.wc-v3-docs-example.json";
    private const string BatchSample = "woocommerce/orders_batch_response.wc-v3-docs-example.json";

    private static string Order723() => JsonNode.Parse(RealFixture.Text(BatchSample))!["delete"]![0]!.ToJsonString();

    [Fact]
    public void The_order_with_its_refund_in_full_replaces_the_summaries_with_the_refund()
    {
        var order = WooCommercePayloads.ParseOrder(Order723(), [RealFixture.Text(RefundSample)]);

        var refund = Assert.Single(order.Refunds);
        Assert.Equal(("726", "723", 10.00m, null), (refund.Id, refund.OrderId, refund.Amount, refund.Note));
        Assert.Equal(new DateTimeOffset(2017, 3, 21, 20, 7, 11, TimeSpan.Zero), refund.CreatedAt);

        // An amount-only refund, not through the gateway (refunded_payment false): no lines, no restock, no transaction.
        Assert.Equal((0, 0m, 0m, 0, 0, (bool?)null), (refund.Lines.Count, refund.Shipping, refund.ShippingTax, refund.Adjustments.Count, refund.Transactions.Count, refund.Restock));
        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.PartiallyRefunded, "completed"), order.FinancialStatus);
    }

    [Fact]
    public void A_refund_through_the_gateway_is_a_refund_transaction_on_the_orders_gateway()
    {
        var refund = RealFixture.Edited(RealFixture.Text(RefundSample), body => body["refunded_payment"] = true);

        var transaction = Assert.Single(WooCommercePayloads.ParseOrder(Order723(), [refund]).Refunds.Single().Transactions);

        Assert.Equal(("bacs", "Direct bank transfer", CommercePaymentKind.Refund, CommercePaymentStatus.Success, 10.00m, "USD"),
            (transaction.Gateway, transaction.GatewayTitle, transaction.Kind.Meaning, transaction.Status.Meaning, transaction.Amount, transaction.Currency));
        Assert.Equal(new DateTimeOffset(2017, 3, 21, 20, 7, 11, TimeSpan.Zero), transaction.ProcessedAt);
    }

    [Fact]
    public void Refunded_lines_shipping_and_fees_read_with_the_order_items_they_refund()
    {
        // Items as wc_create_refund writes them (negative, naming the order item), on the sample: order 723's line
        // 311 (one "Woo Album #2" at 9.00), its flat-rate shipping line 312, and a fee.
        var json = RealFixture.Edited(RealFixture.Text(RefundSample), refund =>
        {
            refund["amount"] = "21.50";
            refund["line_items"] = JsonNode.Parse("""
                [{"id": 730, "name": "Woo Album #2", "product_id": 87, "variation_id": 0, "quantity": -1, "tax_class": "",
                  "subtotal": "-9.00", "subtotal_tax": "-0.90", "total": "-9.00", "total_tax": "-0.90",
                  "taxes": [{"id": 75, "total": "-0.9", "subtotal": "-0.9"}],
                  "meta_data": [{"id": 6001, "key": "_refunded_item_id", "value": "311", "display_key": "_refunded_item_id", "display_value": "311"}],
                  "sku": "", "price": 9}]
                """);
            refund["shipping_lines"] = JsonNode.Parse("""
                [{"id": 731, "method_title": "Flat rate", "method_id": "flat_rate", "instance_id": "1", "total": "-10.00", "total_tax": "-1.00",
                  "taxes": [{"id": 75, "total": "-1", "subtotal": ""}],
                  "meta_data": [{"id": 6002, "key": "_refunded_item_id", "value": "312"}]}]
                """);
            refund["fee_lines"] = JsonNode.Parse("""
                [{"id": 732, "name": "Gift wrap &amp; card", "tax_class": "", "tax_status": "none", "total": "-0.60", "total_tax": "0.00", "taxes": [],
                  "meta_data": [{"id": 6003, "key": "_refunded_item_id", "value": "314"}]}]
                """);
        });

        var refund = WooCommercePayloads.ParseOrder(Order723(), [json]).Refunds.Single();

        var line = Assert.Single(refund.Lines);
        Assert.Equal(("311", 1, 9.00m, 0.90m), (line.LineId, line.Quantity, line.Subtotal, line.Tax));
        Assert.Equal((10.00m, 1.00m), (refund.Shipping, refund.ShippingTax));
        Assert.Equal(new CommerceRefundAdjustment("fee_refund", "Gift wrap & card", -0.60m, 0m), Assert.Single(refund.Adjustments));
        Assert.Equal(refund.Amount, line.Subtotal + line.Tax + refund.Shipping + refund.ShippingTax - refund.Adjustments.Sum(adjustment => adjustment.Amount));
    }

    [Fact]
    public void Restocking_is_read_from_the_order_lines_stock_notes()
    {
        // Line 311 with the notes wc_reduce_stock_levels and wc_restock_refunded_items leave.
        var order = RealFixture.Edited(Order723(), body => body["line_items"]![0]!["meta_data"] = JsonNode.Parse("""
            [{"id": 7001, "key": "_reduced_stock", "value": "0"}, {"id": 7002, "key": "_restock_refunded_items", "value": "1"}]
            """));
        var refund = RealFixture.Edited(RealFixture.Text(RefundSample), body => body["line_items"] = JsonNode.Parse("""
            [{"id": 730, "name": "Woo Album #2", "product_id": 87, "variation_id": 0, "quantity": -1, "subtotal": "-9.00", "total": "-9.00",
              "total_tax": "0.00", "taxes": [], "meta_data": [{"id": 6001, "key": "_refunded_item_id", "value": "311"}]}]
            """));

        var restocked = WooCommercePayloads.ParseOrder(order, [refund]).Refunds.Single();
        var unknown = WooCommercePayloads.ParseOrder(Order723(), [refund]).Refunds.Single();

        Assert.Equal((CommerceRestockType.LegacyRestock, (bool?)true), (restocked.Lines.Single().Restock!.Value.Meaning, restocked.Restock));
        Assert.Equal((null, null), (unknown.Lines.Single().Restock, unknown.Restock));
    }
}
