using System.Globalization;
using Portal.Fakes.Orders;
using Portal.Fakes.Shopify;
using Portal.Sync.Commerce;
using Portal.Sync.Stores;
using Portal.Sync.Tests.Commerce;

namespace Portal.Sync.Tests.Shopify;

/// <summary>
/// Orders placed in the fake shop from order specs, read back through the real Shopify client over HTTP
/// (Order.graphql, Refund.graphql, the mapper): every field order-to-cash needs, and totals that add up.
/// </summary>
public class ShopifyOrderSpecTests
{
    private static readonly Lazy<ShopifyAdminSchema> Schema = new(() => ShopifyAdminSchema.Load(Portal.Sync.Shopify.ShopifyOptions.PinnedApiVersion));

    private static async Task<CommerceOrder> ReadAsync(ShopifyTestShop shop, long orderId) =>
        await shop.Client().OrderAsync(orderId.ToString(CultureInfo.InvariantCulture), CancellationToken.None)
        ?? throw new InvalidOperationException($"The fake has no order {orderId}.");

    private static async Task<(CommerceOrder Order, FakeShopifyPlacedOrder Placed)> PlaceAndReadAsync(ShopifyTestShop shop, FakeOrderSpec spec)
    {
        var id = shop.Server.AddOrder(spec);
        return (await ReadAsync(shop, id), shop.Server.PlacedOrder(id));
    }

    [Theory]
    [MemberData(nameof(ShopifyOrderSpecs.Names), MemberType = typeof(ShopifyOrderSpecs))]
    public async Task The_totals_are_the_stores_and_add_up_from_the_totals_and_from_the_lines(string name)
    {
        var spec = ShopifyOrderSpecs.ByName[name];
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, _) = await PlaceAndReadAsync(shop, spec);

        Assert.Equal(
            new CommerceOrderTotals
            {
                LineItems = FakeOrderMath.LinesSubtotal(spec),
                Discounts = FakeOrderMath.Discounts(spec),
                Shipping = spec.Shipping?.Price ?? 0m,
                Tax = FakeOrderMath.Tax(spec),
                Tips = spec.Tip,
                Duties = spec.Duties.Sum(duty => duty.Amount),
                Fees = 0m,
                Total = spec.Total,
            },
            order.Totals);
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order));
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromLines(order));
        Assert.Equal(order.Totals.Tax, order.TaxLines.Sum(tax => tax.Amount));
        Assert.Equal(spec.PricesIncludeTax, order.PricesIncludeTax);
        Assert.Equal(spec.Currency, order.Currency);
    }

    [Fact]
    public async Task Lines_carry_sku_ids_prices_taxes_and_the_discount_code_that_fell_on_them()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var (order, placed) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.DiscountCode);

        var tee = order.Lines[0];
        Assert.Equal(
            (placed.LineIds[0].ToString(CultureInfo.InvariantCulture), placed.Products[0].ProductId.ToString(CultureInfo.InvariantCulture),
                placed.Products[0].VariantId.ToString(CultureInfo.InvariantCulture), "TEE-BLUE-M", "Blue Tee - M"),
            (tee.Id, tee.ProductId, tee.VariantId, tee.Sku, tee.Title));
        Assert.Equal((2, 25.00m, true, 2), (tee.Quantity, tee.UnitPrice, tee.RequiresShipping, tee.FulfillableQuantity));

        // 7.25 % of (50.00 − 5.00) = 3.2625, rounded half away from zero.
        Assert.Equal([new CommerceTaxLine("CA State Tax", 0.0725m, 3.26m, null, false)], tee.Taxes);
        Assert.Equal([new CommerceDiscountAllocation(5.00m, "WELCOME10", null)], tee.Discounts);
        Assert.Equal([new CommerceDiscountAllocation(1.00m, "WELCOME10", null)], order.Lines[1].Discounts);
        Assert.Equal([new CommerceDiscount("discount_code", "WELCOME10", null, 8.00m)], order.Discounts);

        var shipping = Assert.Single(order.ShippingLines);
        Assert.Equal((placed.ShippingLineId.ToString(CultureInfo.InvariantCulture), "Standard", "standard", 8.00m),
            (shipping.Id, shipping.Title, shipping.Code, shipping.Price));
        Assert.Equal([new CommerceDiscountAllocation(2.00m, "WELCOME10", null)], shipping.Discounts);
        Assert.Empty(shipping.Taxes);
    }

    [Fact]
    public async Task The_same_sku_is_the_same_product_and_variant_in_every_order()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (first, _) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.DiscountCode);
        var (second, _) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.Duty);

        Assert.Equal((first.Lines[0].ProductId, first.Lines[0].VariantId), (second.Lines[0].ProductId, second.Lines[0].VariantId));
        Assert.NotEqual(first.Lines[0].VariantId, first.Lines[1].VariantId);
        Assert.NotEqual(first.Lines[0].Id, second.Lines[0].Id);
    }

    [Fact]
    public async Task Each_tax_of_a_line_and_of_shipping_is_its_own_line_and_the_order_sums_them_per_rate()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, _) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.SeveralTaxes);

        // 59.97 × 6.25 % = 3.748125, × 1 % = 0.5997, × 0.5 % = 0.29985.
        Assert.Equal(
            [("TX State Tax", 0.0625m, 3.75m), ("Travis County Tax", 0.01m, 0.60m), ("Austin City Tax", 0.005m, 0.30m)],
            order.Lines[0].Taxes.Select(tax => (tax.Title, tax.Rate!.Value, tax.Amount)));
        Assert.Equal([0.50m, 0.08m, 0.04m], order.ShippingLines.Single().Taxes.Select(tax => tax.Amount));
        Assert.Equal(
            [("TX State Tax", 3.75m + 2.16m + 0.50m), ("Travis County Tax", 0.60m + 0.35m + 0.08m), ("Austin City Tax", 0.30m + 0.17m + 0.04m)],
            order.TaxLines.Select(tax => (tax.Title, tax.Amount)));
        Assert.Equal(new CommerceAddress("Ada Lovelace", "Ada", "Lovelace", null, "500 Congress Ave", null, "Austin", "TX", "78701", "US", "+1 415 555 0100"),
            order.ShippingAddress);
    }

    [Fact]
    public async Task Prices_including_tax_carry_the_tax_inside_and_the_total_does_not_add_it()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, _) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.TaxIncluded);

        Assert.True(order.PricesIncludeTax);

        // 48.00 holds 48.00 / 1.2 × 0.2 = 8.00 of VAT, 6.90 holds 1.15.
        Assert.Equal(8.00m, order.Lines.Single().Taxes.Single().Amount);
        Assert.Equal(1.15m, order.ShippingLines.Single().Taxes.Single().Amount);
        Assert.Equal((9.15m, 54.90m), (order.Totals.Tax, order.Totals.Total));
        Assert.Equal(new CommerceAddress("Ada Lovelace", "Ada", "Lovelace", null, "5 Rue de Rivoli", null, "Paris", null, "75001", "FR", null), order.BillingAddress);
    }

    [Fact]
    public async Task A_taxed_shipping_line_has_its_code_price_and_tax()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, _) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.TaxedShipping);

        var shipping = Assert.Single(order.ShippingLines);
        Assert.Equal(("Express", "express", 15.00m), (shipping.Title, shipping.Code, shipping.Price));
        Assert.Equal([new CommerceTaxLine("CA State Tax", 0.0725m, 1.09m, null, false)], shipping.Taxes);
        Assert.Equal(15.00m, order.Totals.Shipping);
    }

    [Fact]
    public async Task A_tip_is_in_the_totals()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, _) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.Tip);

        Assert.Equal((5.00m, 22.00m + 1.60m + 5.00m), (order.Totals.Tips, order.Totals.Total));
    }

    [Fact]
    public async Task A_duty_sits_on_its_line_with_its_own_tax()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, placed) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.Duty);

        var duty = Assert.Single(order.Lines[0].Duties);
        Assert.Equal((placed.DutyIds[0].ToString(CultureInfo.InvariantCulture), 7.50m, "610910", "CN"),
            (duty.Id, duty.Amount, duty.HarmonizedSystemCode, duty.CountryCodeOfOrigin));
        Assert.Equal([new CommerceTaxLine("TVA", 0.2m, 1.50m, null, false)], duty.Taxes);
        Assert.Empty(order.Lines[1].Duties);
        Assert.Equal((7.50m, 1.50m, 50.00m + 12.00m + 20.00m + 7.50m + 1.50m), (order.Totals.Duties, order.Totals.Tax, order.Totals.Total));
    }

    [Fact]
    public async Task A_gift_card_payment_is_a_sale_through_the_gift_card_gateway_and_a_guest_has_no_customer()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, placed) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.GiftCard);

        Assert.Equal(["gift_card"], order.PaymentGateways);
        var payment = Assert.Single(order.Payments);
        Assert.Equal(
            (placed.Transactions[0].Id.ToString(CultureInfo.InvariantCulture), "gift_card", CommercePaymentKind.Sale, CommercePaymentStatus.Success, order.Totals.Total, "USD"),
            (payment.Id, payment.Gateway, payment.Kind.Meaning, payment.Status.Meaning, payment.Amount, payment.Currency));
        Assert.Equal(order.CreatedAt, payment.ProcessedAt);
        Assert.Equal(CommerceFinancialStatus.Paid, order.FinancialStatus.Meaning);
        Assert.Null(order.Customer);
        Assert.Equal("ada@example.com", order.Email);
    }

    [Fact]
    public async Task The_customer_comes_with_email_names_phone_and_the_company_of_the_default_address()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        var (order, placed) = await PlaceAndReadAsync(shop, ShopifyOrderSpecs.DiscountCode);

        var address = new CommerceAddress("Ada Lovelace", "Ada", "Lovelace", "Analytical Engines Ltd", "1 Market St", null, "San Francisco", "CA", "94105", "US", "+1 415 555 0100");
        Assert.Equal(new CommerceCustomer("7001", "ada@example.com", "Ada", "Lovelace", "+1 415 555 0100", "Analytical Engines Ltd", address), order.Customer);
        Assert.Equal((address, address), (order.BillingAddress, order.ShippingAddress));
        Assert.Equal((placed.Id.ToString(CultureInfo.InvariantCulture), placed.Name, placed.Number.ToString(CultureInfo.InvariantCulture)), (order.Id, order.Name, order.Number));
        Assert.Equal((CommerceFulfilmentStatus.Unfulfilled, "UNFULFILLED"), (order.FulfilmentStatus.Meaning, order.FulfilmentStatus.Code));
        Assert.Null(order.Cancellation);
        Assert.Empty(order.Refunds);
    }

    [Fact]
    public async Task A_partial_refund_comes_with_its_lines_amounts_and_transaction()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var spec = ShopifyOrderSpecs.SeveralTaxes;
        var id = shop.Server.AddOrder(spec);
        var refundSpec = new FakeRefundSpec([new FakeRefundLineSpec(0, 1)], Note: "Too small");
        shop.Clock.Fake.Advance(TimeSpan.FromHours(2));
        var refundedAt = shop.Clock.GetUtcNow();

        var refundId = shop.Server.AddRefund(id, refundSpec);
        var order = await ReadAsync(shop, id);

        var placed = shop.Server.PlacedOrder(id);
        var refund = Assert.Single(order.Refunds);
        Assert.Equal((refundId.ToString(CultureInfo.InvariantCulture), order.Id, "Too small", refundedAt, false),
            (refund.Id, refund.OrderId, refund.Note, refund.CreatedAt, refund.Restock));

        // One hat of three: 19.99 and a third of each tax (3.75, 0.60, 0.30).
        var line = Assert.Single(refund.Lines);
        Assert.Equal((placed.LineIds[0].ToString(CultureInfo.InvariantCulture), 1, 19.99m, 1.25m + 0.20m + 0.10m, null),
            (line.LineId, line.Quantity, line.Subtotal, line.Tax, line.LocationId));
        Assert.Equal(new StoreCode<CommerceRestockType>(CommerceRestockType.NoRestock, "NO_RESTOCK"), line.Restock);
        Assert.Equal(FakeOrderMath.RefundAmount(spec, refundSpec), refund.Amount);
        Assert.Equal(21.54m, refund.Amount);
        Assert.Equal((0m, 0m), (refund.Shipping, refund.ShippingTax));

        var transaction = Assert.Single(refund.Transactions);
        Assert.Equal(("bogus", CommercePaymentKind.Refund, CommercePaymentStatus.Success, 21.54m),
            (transaction.Gateway, transaction.Kind.Meaning, transaction.Status.Meaning, transaction.Amount));
        Assert.Equal([CommercePaymentKind.Sale, CommercePaymentKind.Refund], order.Payments.Select(payment => payment.Kind.Meaning));
        Assert.Equal(transaction, order.Payments[1]);
        Assert.Equal(CommerceFinancialStatus.PartiallyRefunded, order.FinancialStatus.Meaning);
        Assert.Equal([2, 1], order.Lines.Select(orderLine => orderLine.FulfillableQuantity!.Value));
        Assert.Equal(refund.CreatedAt, order.UpdatedAt);

        // The order's original totals stay: the refund reaches the flows as a refund.
        Assert.Equal(spec.Total, order.Totals.Total);
    }

    [Fact]
    public async Task A_full_refund_with_restock_gives_back_the_lines_and_the_taxed_shipping()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var spec = ShopifyOrderSpecs.TaxedShipping;
        var id = shop.Server.AddOrder(spec);

        shop.Server.AddRefund(id, new FakeRefundSpec([new FakeRefundLineSpec(0, 1, Restock: true)], Shipping: 15.00m));
        var order = await ReadAsync(shop, id);

        var refund = Assert.Single(order.Refunds);
        Assert.True(refund.Restock);
        var line = Assert.Single(refund.Lines);
        Assert.Equal((40.00m, 2.90m, FakeShopifyPlacedOrder.LocationId.ToString(CultureInfo.InvariantCulture)), (line.Subtotal, line.Tax, line.LocationId));
        Assert.Equal(new StoreCode<CommerceRestockType>(CommerceRestockType.Return, "RETURN"), line.Restock);
        Assert.Equal((15.00m, 1.09m), (refund.Shipping, refund.ShippingTax));
        Assert.Equal(order.Totals.Total, refund.Amount);
        Assert.Equal(refund.Amount, refund.Lines.Sum(refunded => refunded.Subtotal!.Value + refunded.Tax!.Value) + refund.Shipping + refund.ShippingTax);
        Assert.Equal(CommerceFinancialStatus.Refunded, order.FinancialStatus.Meaning);
        Assert.Equal(0, order.Lines.Single().FulfillableQuantity);
    }

    [Fact]
    public async Task Refunds_of_many_lines_are_read_page_by_page_within_the_cost_limit()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var spec = new FakeOrderSpec
        {
            Lines = [.. Enumerable.Range(1, 60).Select(i => new FakeOrderLineSpec($"SKU-{i}", $"Item {i}", 2, 3.00m, [ShopifyOrderSpecs.CaliforniaTax]))],
        };
        var id = shop.Server.AddOrder(spec);
        shop.Server.AddRefund(id, new FakeRefundSpec([.. Enumerable.Range(0, 60).Select(i => new FakeRefundLineSpec(i, 1))]));
        shop.Server.AddRefund(id, new FakeRefundSpec([new FakeRefundLineSpec(0, 1)]));

        var order = await ReadAsync(shop, id);

        Assert.Equal(60, order.Lines.Count);
        Assert.Equal([60, 1], order.Refunds.Select(refund => refund.Lines.Count));
        Assert.Equal(order.Lines.Select(line => line.Id), order.Refunds[0].Lines.Select(line => line.LineId));
        Assert.Equal((3, 3), (shop.Server.CallsOf("order"), shop.Server.CallsOf("refund")));
        Assert.Equal(0, shop.Server.Throttled);
    }

    [Fact]
    public async Task An_order_without_refunds_costs_no_refund_query()
    {
        await using var shop = await ShopifyTestShop.StartAsync();

        await PlaceAndReadAsync(shop, ShopifyOrderSpecs.Tip);

        Assert.Equal((1, 0), (shop.Server.CallsOf("order"), shop.Server.CallsOf("refund")));
    }

    [Fact]
    public async Task A_refund_with_more_transactions_than_the_document_reads_fails_instead_of_losing_money()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var id = shop.Server.AddOrder(ShopifyOrderSpecs.TaxedShipping);
        shop.Server.AddRefund(id, new FakeRefundSpec([new FakeRefundLineSpec(0, 1)]));
        var transactions = shop.Server.Orders[id]["refunds"]![0]!["transactions"]!.AsArray();
        for (var i = 0; i < 20; i++)
        {
            transactions.Add(transactions[0]!.DeepClone());
        }

        var error = await Assert.ThrowsAsync<StoreApiException>(() => ReadAsync(shop, id));

        Assert.Equal(StoreApiErrorKind.Protocol, error.Kind);
        Assert.Contains("more transactions than Refund.graphql reads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_order_says_when_and_why_and_has_nothing_left_to_ship()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var id = shop.Server.AddOrder(ShopifyOrderSpecs.DiscountCode);
        shop.Clock.Fake.Advance(TimeSpan.FromMinutes(30));
        var cancelledAt = shop.Clock.GetUtcNow();

        shop.Server.CancelOrder(id);
        var order = await ReadAsync(shop, id);

        Assert.Equal(new CommerceCancellation(cancelledAt, "customer"), order.Cancellation);
        Assert.Equal(order.Cancellation!.At, order.UpdatedAt);
        Assert.All(order.Lines, line => Assert.Equal(0, line.FulfillableQuantity));
        Assert.Equal(CommerceFinancialStatus.Paid, order.FinancialStatus.Meaning);
    }

    [Fact]
    public async Task An_unpaid_order_is_pending_until_paid_and_voided_when_cancelled_unpaid()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var paidLater = shop.Server.AddOrder(ShopifyOrderSpecs.Unpaid);
        var cancelled = shop.Server.AddOrder(ShopifyOrderSpecs.Unpaid);

        var pending = await ReadAsync(shop, paidLater);
        shop.Server.MarkPaid(paidLater);
        shop.Server.CancelOrder(cancelled, "DECLINED");
        var paid = await ReadAsync(shop, paidLater);
        var voided = await ReadAsync(shop, cancelled);

        Assert.Equal((CommerceFinancialStatus.Pending, "PENDING"), (pending.FinancialStatus.Meaning, pending.FinancialStatus.Code));
        Assert.Empty(pending.Payments);
        Assert.Equal((CommerceFinancialStatus.Paid, CommercePaymentKind.Sale, paid.Totals.Total),
            (paid.FinancialStatus.Meaning, Assert.Single(paid.Payments).Kind.Meaning, paid.Payments[0].Amount));
        Assert.True(paid.UpdatedAt > pending.UpdatedAt);
        Assert.Equal((CommerceFinancialStatus.Voided, "declined"), (voided.FinancialStatus.Meaning, voided.Cancellation!.Reason));
    }

    [Fact]
    public async Task An_edit_bumps_the_update_time_and_polling_sees_the_order_again()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var id = shop.Server.AddOrder(ShopifyOrderSpecs.Tip);
        var before = await ReadAsync(shop, id);
        var client = shop.Client();

        shop.Server.UpdateOrder(id, spec => spec with { Email = "ada@analytical.example", ShippingAddress = ShopifyOrderSpecs.Austin });
        var changed = await client.OrdersChangedSinceAsync(before.UpdatedAt.AddSeconds(1), null, CancellationToken.None);

        var after = Assert.Single(changed.Items);
        Assert.Equal(before.UpdatedAt.AddSeconds(1), after.UpdatedAt);
        Assert.Equal(("ada@analytical.example", "TX"), (after.Email, after.ShippingAddress!.ProvinceCode));
        Assert.Equal(before.Totals, after.Totals);
    }

    [Fact]
    public async Task The_fakes_orders_have_only_fields_of_the_pinned_schema_on_each_type()
    {
        await using var shop = await ShopifyTestShop.StartAsync();
        var id = shop.Server.AddOrder(ShopifyOrderSpecs.Duty with { DiscountCode = "DUTYFREE", Lines = [ShopifyOrderSpecs.DiscountCode.Lines[0], ShopifyOrderSpecs.DiscountCode.Lines[1]] });
        shop.Server.AddRefund(id, new FakeRefundSpec([new FakeRefundLineSpec(0, 1, Restock: true)], Shipping: 5.00m));

        var problems = new List<string>();
        Check(shop.Server.Orders[id], "order", problems);

        Assert.Empty(problems);
        Assert.Contains("Refund", Typenames(shop.Server.Orders[id]));
        Assert.Contains("Duty", Typenames(shop.Server.Orders[id]));
    }

    private static void Check(System.Text.Json.Nodes.JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject fields:
                var typeName = fields["__typename"]?.GetValue<string>();
                var known = typeName is null ? null : Schema.Value.FieldsOf(typeName);
                if (typeName is null || known is null)
                {
                    problems.Add($"{path}: no type known to the schema ({typeName ?? "no __typename"})");
                }

                foreach (var (name, value) in fields)
                {
                    if (name != "__typename" && known is not null && !known.Contains(name))
                    {
                        problems.Add($"{path}.{name} is no field of {typeName}");
                    }

                    Check(value, $"{path}.{name}", problems);
                }

                break;
            case System.Text.Json.Nodes.JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    Check(items[i], $"{path}[{i}]", problems);
                }

                break;
        }
    }

    private static IEnumerable<string> Typenames(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject fields => fields.Where(field => field.Key == "__typename").Select(field => field.Value!.GetValue<string>())
            .Concat(fields.SelectMany(field => Typenames(field.Value))),
        System.Text.Json.Nodes.JsonArray items => items.SelectMany(Typenames),
        _ => [],
    };
}
