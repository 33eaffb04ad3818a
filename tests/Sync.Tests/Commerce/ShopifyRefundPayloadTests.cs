using Portal.Sync.Commerce;
using Portal.Sync.Shopify;

namespace Portal.Sync.Tests.Commerce;

public class ShopifyRefundPayloadTests
{
    private const string DocsSample = "shopify/webhooks/refunds_create.2026-04.docs-sample.json";
    private const string Exemplar = "shopify/webhooks/refunds_create.2025-04.anonymized-real.json";
    private const string RestRefund = "shopify/rest/refund.shopify_python_api.json";
    private const string RestOrder = "shopify/rest/order.shopify_python_api.json";

    [Fact]
    public void The_docs_sample_refund_takes_line_ids_from_the_nested_line_items_gids()
    {
        var refund = ShopifyPayloads.ParseRefund(RealFixture.Property(DocsSample, "response"));

        Assert.Equal("890088186047892319", refund.Id);

        // order_id has no gid beside it, so it stays the rounded 820982911946154500 of the sample (the order's gid
        // says …508); line_item_id 487817672276298560 is rounded too, the nested line item's gid is exact.
        Assert.Equal("820982911946154500", refund.OrderId);
        Assert.Equal(
            ["487817672276298554", "789012345678901234", "890123456789012345", "976318377106520349", "315789986012684393"],
            refund.Lines.Select(line => line.LineId));
        Assert.Equal(
            ShopifyPayloads.ParseOrder(RealFixture.Property("shopify/webhooks/orders_create.2026-04.docs-sample.json", "response")).Lines.Select(line => line.Id),
            refund.Lines.Select(line => line.LineId));
    }

    [Fact]
    public void The_docs_sample_refund_reads_amounts_restock_and_transactions()
    {
        var refund = ShopifyPayloads.ParseRefund(RealFixture.Property(DocsSample, "response"));

        Assert.Equal(new DateTimeOffset(2021, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5)), refund.CreatedAt);
        Assert.Equal("Things were damaged", refund.Note);
        Assert.False(refund.Restock);

        // subtotal is a JSON number here (89.99), not a string.
        Assert.Equal([89.99m, 19.99m, 24.99m, 159.99m, 119.99m], refund.Lines.Select(line => line.Subtotal));
        Assert.All(refund.Lines, line =>
        {
            Assert.Equal((1, 0m, null), (line.Quantity, line.Tax, line.LocationId));
            Assert.Equal(new StoreCode<CommerceRestockType>(CommerceRestockType.NoRestock, "no_restock"), line.Restock);
        });
        Assert.Equal(0m, refund.Shipping);
        Assert.Empty(refund.Adjustments);

        var first = refund.Transactions[0];
        Assert.Equal(("245135271310201194", "bogus", 75.00m, null), (first.Id, first.Gateway, first.Amount, first.Currency));
        Assert.Equal((CommercePaymentKind.Refund, CommercePaymentStatus.Success), (first.Kind.Meaning, first.Status.Meaning));
        Assert.Equal(new DateTimeOffset(2019, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5)), first.ProcessedAt);
        Assert.Equal(("839212141605670573", 10.00m), (refund.Transactions[1].Id, refund.Transactions[1].Amount));

        // 75.00 + 10.00 went back, for lines whose subtotals make 414.95: the sample's amounts do not agree.
        Assert.Equal(85.00m, refund.Amount);
        Assert.Equal(414.95m, refund.Lines.Sum(line => line.Subtotal));
    }

    [Fact]
    public void An_anonymized_refund_as_received_fails_naming_the_field_its_placeholder_is_in()
    {
        var error = Assert.Throws<CommercePayloadException>(() => ShopifyPayloads.ParseRefund(RealFixture.Text(Exemplar)));

        Assert.Equal("Shopify refund payload: transactions[0].amount is not an amount: \"example string\"", error.Message);
    }

    [Fact]
    public void The_real_refund_reads_its_line_and_a_transaction_of_unknown_kind()
    {
        var refund = ShopifyPayloads.ParseRefund(RealFixture.WithAmountsRestored(Exemplar));

        Assert.Equal(("123", "123", "example string"), (refund.Id, refund.OrderId, refund.Note));
        var line = Assert.Single(refund.Lines);
        Assert.Equal(("123", 123, 123m, 123.456m, "123"), (line.LineId, line.Quantity, line.Subtotal, line.Tax, line.LocationId));
        Assert.Equal(new StoreCode<CommerceRestockType>(CommerceRestockType.Other, "example string"), line.Restock);
        var transaction = Assert.Single(refund.Transactions);
        Assert.Equal((CommercePaymentKind.Other, "example string", 1.00m, "example string"), (transaction.Kind.Meaning, transaction.Kind.Code, transaction.Amount, transaction.Currency));

        // Only successful refund transactions count as money returned.
        Assert.Equal(0m, refund.Amount);
    }

    [Fact]
    public void The_python_api_refund_refunds_two_lines_of_the_python_api_order()
    {
        var refund = ShopifyPayloads.ParseRefund(RealFixture.Property(RestRefund, "refund"));
        var order = ShopifyPayloads.ParseOrder(RealFixture.Property(RestOrder, "order"));

        Assert.Equal(("509562969", "450789469", "it broke during shipping", true), (refund.Id, refund.OrderId, refund.Note, refund.Restock));
        Assert.Equal(order.Id, refund.OrderId);
        Assert.Equal(["703073504", "466157049"], refund.Lines.Select(line => line.LineId));
        Assert.All(refund.Lines, line => Assert.Contains(line.LineId, order.Lines.Select(orderLine => orderLine.Id)));

        // This older shape itemizes no subtotal, tax or restock type per line.
        Assert.All(refund.Lines, line => Assert.Equal((1, null, null, null), (line.Quantity, line.Subtotal, line.Tax, line.Restock)));
        var transaction = Assert.Single(refund.Transactions);
        Assert.Equal(("179259969", "bogus", 209.00m, "USD"), (transaction.Id, transaction.Gateway, transaction.Amount, transaction.Currency));
        Assert.Equal(209.00m, refund.Amount);
    }

    [Fact]
    public void Refunded_shipping_and_order_adjustments_are_read_from_their_money_bags()
    {
        // order_adjustments as in Gadget's 2025-04 refunds exemplar 2; refund_shipping_lines as GraphQL's
        // RefundShippingLine names its amounts, subtotalAmountSet and taxAmountSet (no sample has one).
        var json = RealFixture.Edited(RealFixture.Property(RestRefund, "refund"), refund =>
        {
            refund["order_adjustments"] = System.Text.Json.Nodes.JsonNode.Parse("""
                [{"id": 1, "order_id": 450789469, "refund_id": 509562969, "amount": "-3.00", "tax_amount": "-0.18", "kind": "refund_discrepancy", "reason": "Refund discrepancy"}]
                """);
            refund["refund_shipping_lines"] = System.Text.Json.Nodes.JsonNode.Parse("""
                [{"id": 2, "subtotal_amount_set": {"shop_money": {"amount": "5.00", "currency_code": "USD"}, "presentment_money": {"amount": "5.00", "currency_code": "USD"}},
                  "tax_amount_set": {"shop_money": {"amount": "0.30", "currency_code": "USD"}, "presentment_money": {"amount": "0.30", "currency_code": "USD"}}}]
                """);
        });

        var refund = ShopifyPayloads.ParseRefund(json);

        Assert.Equal(new CommerceRefundAdjustment("refund_discrepancy", "Refund discrepancy", -3.00m, -0.18m), Assert.Single(refund.Adjustments));
        Assert.Equal((5.00m, 0.30m), (refund.Shipping, refund.ShippingTax));
    }

    [Fact]
    public void A_refunded_shipping_line_of_another_shape_fails_instead_of_refunding_no_shipping()
    {
        var json = RealFixture.Edited(RealFixture.Property(RestRefund, "refund"), refund =>
            refund["refund_shipping_lines"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"id": 2, "amount": "5.00"}]"""));

        var error = Assert.Throws<CommercePayloadException>(() => ShopifyPayloads.ParseRefund(json));

        Assert.Equal("Shopify refund payload: refund_shipping_lines[0].subtotal_amount is missing", error.Message);
    }
}
