using Portal.Sync.Commerce;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.Commerce;

public class WooCommerceOrderPayloadTests
{
    private const string OrderSample = "woocommerce/order.wc-v3-docs-example.json";
    private const string BatchSample = "woocommerce/orders_batch_response.wc-v3-docs-example.json";

    private static readonly CommerceTaxLine StateTax = new("State Tax", null, 0m, "US", false);

    private static CommerceOrder Order() => WooCommercePayloads.ParseOrder(RealFixture.Text(OrderSample));

    private static WooCommerceOrderBatch Batch() => WooCommercePayloads.ParseOrderBatch(RealFixture.Text(BatchSample));

    [Fact]
    public void The_order_reads_its_header_and_statuses_with_utc_times()
    {
        var order = Order();

        Assert.Equal(("727", "727", "727"), (order.Id, order.Name, order.Number));
        Assert.Equal(new DateTimeOffset(2017, 3, 22, 19, 28, 2, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal(new DateTimeOffset(2017, 3, 22, 19, 28, 8, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal("USD", order.Currency);
        Assert.False(order.PricesIncludeTax);
        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Paid, "processing"), order.FinancialStatus);
        Assert.Equal(new StoreCode<CommerceFulfilmentStatus>(CommerceFulfilmentStatus.Unfulfilled, "processing"), order.FulfilmentStatus);
        Assert.Null(order.Cancellation);
        Assert.Empty(order.Refunds);
    }

    [Fact]
    public void The_guest_order_has_no_customer_but_its_billing_email_phone_and_addresses()
    {
        var order = Order();

        Assert.Null(order.Customer);
        Assert.Equal(("john.doe@example.com", "(555) 555-5555"), (order.Email, order.Phone));
        Assert.Equal(
            new CommerceAddress("John Doe", "John", "Doe", null, "969 Market", null, "San Francisco", "CA", "94103", "US", "(555) 555-5555"),
            order.BillingAddress);
        Assert.Equal(order.BillingAddress! with { Phone = null }, order.ShippingAddress);
    }

    [Fact]
    public void The_order_lines_take_their_tax_titles_from_the_tax_lines_by_rate_id()
    {
        var order = Order();

        var single = order.Lines[0];
        Assert.Equal(("315", "93", null, null, "Woo Single #1", 2, 3.00m), (single.Id, single.ProductId, single.VariantId, single.Sku, single.Title, single.Quantity, single.UnitPrice));
        Assert.Equal(StateTax with { Amount = 0.45m }, Assert.Single(single.Taxes));
        var variation = order.Lines[1];
        Assert.Equal(("316", "22", "23", "Bar3", 1, 12.00m), (variation.Id, variation.ProductId, variation.VariantId, variation.Sku, variation.Quantity, variation.UnitPrice));
        Assert.Equal("Ship Your Idea – Color: Black, Size: M Test", variation.Title);
        Assert.Equal(StateTax with { Amount = 0.9m }, Assert.Single(variation.Taxes));
        Assert.All(order.Lines, line => Assert.Equal((0, 0, (bool?)null, (int?)null), (line.Discounts.Count, line.Duties.Count, line.RequiresShipping, line.FulfillableQuantity)));
    }

    [Fact]
    public void The_order_reads_shipping_tax_lines_and_totals()
    {
        var order = Order();

        var shipping = Assert.Single(order.ShippingLines);
        Assert.Equal(("317", "Flat Rate", "flat_rate", 10.00m, 0, 0), (shipping.Id, shipping.Title, shipping.Code, shipping.Price, shipping.Taxes.Count, shipping.Discounts.Count));
        Assert.Equal(StateTax with { Amount = 1.35m }, Assert.Single(order.TaxLines));
        Assert.Empty(order.Fees);
        Assert.Empty(order.Discounts);
        Assert.Equal(
            new CommerceOrderTotals { LineItems = 18.00m, Discounts = 0m, Shipping = 10.00m, Tax = 1.35m, Tips = 0m, Duties = 0m, Fees = 0m, Total = 29.35m },
            order.Totals);

        // 2 × 3.00 + 12.00 + 10.00 + 0.45 + 0.9 = 29.35, and 18.00 + 10.00 + 1.35 likewise.
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromLines(order));
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order));
    }

    [Fact]
    public void The_order_records_its_payment_from_the_gateway_and_payment_date()
    {
        var order = Order();

        Assert.Equal(["bacs"], order.PaymentGateways);
        var payment = Assert.Single(order.Payments);

        // transaction_id is "": bank transfers have none.
        Assert.Equal((null, "bacs", "Direct Bank Transfer", 29.35m, "USD"), (payment.Id, payment.Gateway, payment.GatewayTitle, payment.Amount, payment.Currency));
        Assert.Equal(new StoreCode<CommercePaymentKind>(CommercePaymentKind.Sale, null), payment.Kind);
        Assert.Equal(new StoreCode<CommercePaymentStatus>(CommercePaymentStatus.Success, "processing"), payment.Status);
        Assert.Equal(new DateTimeOffset(2017, 3, 22, 19, 28, 8, TimeSpan.Zero), payment.ProcessedAt);
    }

    [Fact]
    public void With_prices_including_tax_every_amount_gets_its_taxes_added_back()
    {
        var order = WooCommercePayloads.ParseOrder(RealFixture.Edited(RealFixture.Text(OrderSample), order => order["prices_include_tax"] = true));

        Assert.True(order.PricesIncludeTax);
        Assert.Equal([3.225m, 12.90m], order.Lines.Select(line => line.UnitPrice));
        Assert.Equal(19.35m, order.Totals.LineItems);
        Assert.Equal(10.00m, order.ShippingLines.Single().Price);
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromLines(order));
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order));
    }

    [Fact]
    public void Fees_and_coupons_are_read_with_their_taxes()
    {
        // Fee and coupon lines as the v3 docs' property tables describe them; no sample order has one.
        var json = RealFixture.Edited(RealFixture.Text(OrderSample), order =>
        {
            order["fee_lines"] = System.Text.Json.Nodes.JsonNode.Parse("""
                [{"id": 330, "name": "Gift wrap &amp; card", "tax_class": "", "tax_status": "taxable", "total": "2.00", "total_tax": "0.15",
                  "taxes": [{"id": 75, "total": "0.15", "subtotal": ""}], "meta_data": []}]
                """);
            order["coupon_lines"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"id": 331, "code": "spring", "discount": "1.20", "discount_tax": "0.09", "meta_data": []}]""");
            order["line_items"]![1]!["total"] = "10.80";
            order["discount_total"] = "1.20";
        });

        var order = WooCommercePayloads.ParseOrder(json);

        var fee = Assert.Single(order.Fees);
        Assert.Equal(("330", "Gift wrap & card", 2.00m), (fee.Id, fee.Name, fee.Amount));
        Assert.Equal(StateTax with { Amount = 0.15m }, Assert.Single(fee.Taxes));
        Assert.Equal(new CommerceDiscount("coupon", "spring", null, 1.20m), Assert.Single(order.Discounts));
        Assert.Equal(new CommerceDiscountAllocation(1.20m, "spring", null), Assert.Single(order.Lines[1].Discounts));
        Assert.Equal((1.20m, 2.00m), (order.Totals.Discounts, order.Totals.Fees));
    }

    [Fact]
    public void A_tax_line_with_a_rate_percent_gives_the_rate_as_a_fraction()
    {
        // Newer WooCommerce versions add rate_percent to each tax line; the 2017 docs sample predates it.
        var order = WooCommercePayloads.ParseOrder(RealFixture.Edited(RealFixture.Text(OrderSample), order => order["tax_lines"]![0]!["rate_percent"] = 7.5));

        Assert.Equal(StateTax with { Rate = 0.075m, Amount = 0.45m }, order.Lines[0].Taxes.Single());
        Assert.Equal(0.075m, order.TaxLines.Single().Rate);
    }

    [Fact]
    public void A_line_tax_naming_a_rate_the_order_does_not_list_fails_with_its_path()
    {
        var json = RealFixture.Edited(RealFixture.Text(OrderSample), order => order["line_items"]![1]!["taxes"]![0]!["id"] = 76);

        var error = Assert.Throws<CommercePayloadException>(() => WooCommercePayloads.ParseOrder(json));

        Assert.Equal("WooCommerce order payload: line_items[1].taxes[0] names tax rate 76, which the order's tax_lines do not list", error.Message);
    }

    [Fact]
    public void The_batch_answer_reads_its_created_updated_and_deleted_orders()
    {
        var batch = Batch();

        Assert.Equal(["728", "729"], batch.Created.Select(order => order.Id));
        Assert.Equal(["727"], batch.Updated.Select(order => order.Id));
        Assert.Equal(["723"], batch.Deleted.Select(order => order.Id));
        // Order 723 is completed with two refunds: partly refunded.
        Assert.Equal(
            [CommerceFinancialStatus.Pending, CommerceFinancialStatus.Paid, CommerceFinancialStatus.Paid, CommerceFinancialStatus.PartiallyRefunded],
            batch.Created.Concat(batch.Updated).Concat(batch.Deleted).Select(order => order.FinancialStatus.Meaning));
        Assert.Equal(new StoreCode<CommerceFulfilmentStatus>(CommerceFulfilmentStatus.Fulfilled, "completed"), batch.Updated.Single().FulfilmentStatus);
        Assert.Equal(new DateTimeOffset(2017, 3, 22, 19, 30, 35, TimeSpan.Zero), batch.Updated.Single().UpdatedAt);
    }

    [Fact]
    public void Every_batch_order_adds_up_to_its_total()
    {
        var batch = Batch();

        Assert.Equal(
            [62.25m, 54.40m, 29.35m, 39.00m],
            batch.Created.Concat(batch.Updated).Concat(batch.Deleted).Select(OrderArithmetic.TotalFromLines));
        Assert.All(batch.Created.Concat(batch.Updated).Concat(batch.Deleted), order => Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order)));
    }

    [Fact]
    public void Line_taxes_keep_their_unrounded_amounts_which_add_up_where_the_rounded_line_totals_do_not()
    {
        var created = Batch().Created[0];

        // Order 728: taxes 1.125 + 0.225 + 0.9 = 2.25 = total_tax; the lines' total_tax 1.13 + 0.23 + 0.90 = 2.26.
        Assert.Equal([1.125m, 0.225m, 0.9m], created.Lines.Select(line => line.Taxes.Single().Amount));
        Assert.Equal((2.25m, 62.25m), (created.Totals.Tax, created.Totals.Total));
        Assert.Equal(["Woo Logo", "Woo Single #1", "Ship Your Idea – Color: Black, Size: M Test"], created.Lines.Select(line => line.Title));
        Assert.Equal(30.00m, created.ShippingLines.Single().Price);

        // Not yet paid: the payment is pending, without a date.
        var payment = created.Payments.Single();
        Assert.Equal((CommercePaymentStatus.Pending, "pending", null), (payment.Status.Meaning, payment.Status.Code, payment.ProcessedAt));
    }

    [Fact]
    public void The_deleted_order_has_a_customer_refund_summaries_and_a_completed_but_undated_payment()
    {
        var deleted = Batch().Deleted.Single();

        Assert.Equal(
            new CommerceCustomer("26", "joao.silva@example.com", "João", "Silva", "(11) 1111-1111", null,
                new CommerceAddress("João Silva", "João", "Silva", null, "Av. Brasil, 432", null, "Rio de Janeiro", "RJ", "12345-000", "BR", "(11) 1111-1111")),
            deleted.Customer);
        Assert.Equal(("Flat rate", "flat_rate:25"), (deleted.ShippingLines.Single().Title, deleted.ShippingLines.Single().Code));
        Assert.Empty(deleted.TaxLines);

        // The summaries' totals are negative ("-10.00"); their reason sits under "refund" (""), not "reason".
        Assert.Equal([("726", "723", 10.00m, null), ("724", "723", 9.00m, null)], deleted.Refunds.Select(refund => (refund.Id, refund.OrderId, refund.Amount, refund.Note)));

        // "completed" without a date_paid: paid, as WooCommerce counts it, at an unknown time.
        var payment = deleted.Payments.Single();
        Assert.Equal((CommercePaymentStatus.Success, null, 39.00m), (payment.Status.Meaning, payment.ProcessedAt, payment.Amount));
    }

    [Fact]
    public void An_empty_batch_answer_has_no_orders()
    {
        var batch = WooCommercePayloads.ParseOrderBatch("{}");

        Assert.Equal((0, 0, 0), (batch.Created.Count, batch.Updated.Count, batch.Deleted.Count));
    }

    [Fact]
    public void A_failed_batch_item_fails_with_its_error()
    {
        var json = RealFixture.Edited(RealFixture.Text(BatchSample), batch =>
            batch["update"]![0] = System.Text.Json.Nodes.JsonNode.Parse("""{"id": 727, "error": {"code": "woocommerce_rest_shop_order_invalid_id", "message": "Invalid ID.", "data": {"status": 400}}}"""));

        var error = Assert.Throws<CommercePayloadException>(() => WooCommercePayloads.ParseOrderBatch(json));

        Assert.Equal("WooCommerce order batch payload: update[0] failed: woocommerce_rest_shop_order_invalid_id: Invalid ID.", error.Message);
    }
}
