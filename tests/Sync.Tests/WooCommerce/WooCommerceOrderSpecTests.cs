using Portal.Fakes.Orders;
using Portal.Sync.Commerce;
using Portal.Sync.Tests.Commerce;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>The order mapper on the fake WooCommerce's rendering of platform-neutral order specs.</summary>
public sealed class WooCommerceOrderSpecTests : FakeWooCommerceTest
{
    private static readonly FakeTaxSpec StateTax = new("CA State Tax", 0.0725m);
    private static readonly FakeTaxSpec CityTax = new("SF City Tax", 0.01m);
    private static readonly FakeTaxSpec Vat = new("TVA", 0.20m, "FR");

    private static readonly FakeOrderSpec Basket = new()
    {
        Lines =
        [
            new("MUG-1", "Mug", 3, 12.50m, [StateTax, CityTax], Discount: 3.75m),
            new("TEE-M", "T-shirt M", 1, 20.00m, [StateTax, CityTax], Discount: 2.00m),
        ],
        DiscountCode = "SPRING10",
        Shipping = new FakeShippingSpec("Flat rate", "flat_rate", 7.00m, [StateTax]),
        Fees = [new FakeFeeSpec("Gift wrap", 2.50m, [StateTax])],
        Gateway = "stripe",
    };

    [Fact]
    public void Lines_carry_sku_product_quantity_price_before_discount_the_coupon_and_taxes_by_rate()
    {
        var order = Map(Fake.Shop.AddOrder(Basket));

        Assert.Equal(["MUG-1", "TEE-M"], order.Lines.Select(line => line.Sku));
        Assert.All(order.Lines, line => Assert.NotNull(line.ProductId));
        Assert.Equal([(3, 12.50m), (1, 20.00m)], order.Lines.Select(line => (line.Quantity, line.UnitPrice)));
        Assert.Equal([new CommerceDiscountAllocation(3.75m, "SPRING10", null)], order.Lines[0].Discounts);
        Assert.Equal(new CommerceDiscount("coupon", "SPRING10", null, 5.75m), Assert.Single(order.Discounts));

        // 33.75 after the discount: 7.25 % = 2.446875 → 2.45, 1 % = 0.3375 → 0.34.
        Assert.Equal(
            [new CommerceTaxLine("CA State Tax", 0.0725m, 2.45m, "US", false), new CommerceTaxLine("SF City Tax", 0.01m, 0.34m, "US", false)],
            order.Lines[0].Taxes);
        Assert.Equal(FakeOrderMath.LineTaxes(Basket, Basket.Lines[1]), order.Lines[1].Taxes.Select(tax => tax.Amount));
    }

    [Fact]
    public void Shipping_fees_order_taxes_and_totals_add_up_to_the_spec_total()
    {
        var order = Map(Fake.Shop.AddOrder(Basket));

        var shipping = Assert.Single(order.ShippingLines);
        Assert.Equal(("Flat rate", "flat_rate", 7.00m), (shipping.Title, shipping.Code, shipping.Price));
        Assert.Equal([new CommerceTaxLine("CA State Tax", 0.0725m, 0.51m, "US", false)], shipping.Taxes);
        var fee = Assert.Single(order.Fees);
        Assert.Equal(("Gift wrap", 2.50m, 0.18m), (fee.Name, fee.Amount, fee.Taxes.Single().Amount));
        Assert.Equal(["CA State Tax", "SF City Tax"], order.TaxLines.Select(tax => tax.Title));
        Assert.Equal(FakeOrderMath.Tax(Basket), order.TaxLines.Sum(tax => tax.Amount));

        Assert.Equal(
            new CommerceOrderTotals
            {
                LineItems = 57.50m, Discounts = 5.75m, Shipping = 7.00m, Tax = FakeOrderMath.Tax(Basket), Tips = 0m, Duties = 0m, Fees = 2.50m,
                Total = Basket.Total,
            },
            order.Totals);
        Assert.Equal(Basket.Total, OrderArithmetic.TotalFromLines(order));
        Assert.Equal(Basket.Total, OrderArithmetic.TotalFromTotals(order));
    }

    [Fact]
    public void Prices_including_tax_read_back_as_the_spec_prices_and_still_add_up()
    {
        var spec = Basket with { PricesIncludeTax = true, Currency = "EUR", ShippingAddress = FakeAddressSpec.Paris, Lines = [.. Basket.Lines.Select(line => line with { Taxes = [Vat] })], Shipping = Basket.Shipping! with { Taxes = [Vat] }, Fees = [] };

        var order = Map(Fake.Shop.AddOrder(spec));

        Assert.True(order.PricesIncludeTax);
        Assert.Equal([12.50m, 20.00m], order.Lines.Select(line => line.UnitPrice));
        Assert.Equal([3.75m, 2.00m], order.Lines.Select(line => line.Discounts.Single().Amount));
        Assert.Equal(7.00m, order.ShippingLines.Single().Price);
        Assert.Equal(new CommerceTaxLine("TVA", 0.20m, 5.63m, "FR", false), order.Lines[0].Taxes.Single());
        Assert.Equal((spec.Total, FakeOrderMath.Tax(spec)), (order.Totals.Total, order.Totals.Tax));
        Assert.Equal(spec.Total, OrderArithmetic.TotalFromLines(order));
        Assert.Equal(spec.Total, OrderArithmetic.TotalFromTotals(order));
    }

    [Fact]
    public void A_paid_order_has_one_successful_sale_on_its_gateway_with_its_transaction_id()
    {
        var id = Fake.Shop.AddOrder(Basket);

        var order = Map(id);

        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Paid, "processing"), order.FinancialStatus);
        Assert.Equal(CommerceFulfilmentStatus.Unfulfilled, order.FulfilmentStatus.Meaning);
        var payment = Assert.Single(order.Payments);
        Assert.Equal(($"ch_fake{id}", "stripe", "Credit Card (Stripe)", CommercePaymentKind.Sale, CommercePaymentStatus.Success, Basket.Total, "USD"),
            (payment.Id, payment.Gateway, payment.GatewayTitle, payment.Kind.Meaning, payment.Status.Meaning, payment.Amount, payment.Currency));
        Assert.NotNull(payment.ProcessedAt);
        Assert.Null(order.Cancellation);
    }

    [Fact]
    public void An_unpaid_order_is_pending_with_a_pending_payment_and_no_payment_date()
    {
        var order = Map(Fake.Shop.AddOrder(Basket with { Paid = false, Gateway = "bacs" }));

        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Pending, "pending"), order.FinancialStatus);
        var payment = Assert.Single(order.Payments);
        Assert.Equal((null, "bacs", CommercePaymentStatus.Pending, null), (payment.Id, payment.Gateway, payment.Status.Meaning, payment.ProcessedAt));
    }

    [Fact]
    public void A_cancelled_order_is_voided_and_cancelled()
    {
        var id = Fake.Shop.AddOrder(Basket);
        Fake.Shop.CancelOrder(id);

        var order = Map(id);

        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Voided, "cancelled"), order.FinancialStatus);
        Assert.Equal(new CommerceCancellation(null, null), order.Cancellation);
    }

    [Fact]
    public void A_guest_has_no_customer_but_the_billing_email_phone_and_addresses()
    {
        var order = Map(Fake.Shop.AddOrder(Basket with { CustomerId = null, ShippingAddress = FakeAddressSpec.Paris }));

        Assert.Null(order.Customer);
        Assert.Equal(("ada@example.com", "+1 415 555 0100"), (order.Email, order.Phone));
        Assert.Equal(new CommerceAddress("Ada Lovelace", "Ada", "Lovelace", null, "1 Market St", null, "San Francisco", "CA", "94105", "US", "+1 415 555 0100"),
            order.BillingAddress);
        Assert.Equal(("Paris", null, "FR", null), (order.ShippingAddress!.City, order.ShippingAddress.ProvinceCode, order.ShippingAddress.CountryCode, order.ShippingAddress.Phone));
    }

    [Fact]
    public void A_business_customer_keeps_its_company_on_the_customer_and_both_addresses()
    {
        var order = Map(Fake.Shop.AddOrder(Basket with { CustomerId = "42", Company = "Analytical Engines Ltd" }));

        Assert.Equal(("42", "ada@example.com", "Analytical Engines Ltd", "+1 415 555 0100"),
            (order.Customer!.Id, order.Customer.Email, order.Customer.Company, order.Customer.Phone));
        Assert.Equal(("Analytical Engines Ltd", "Analytical Engines Ltd"), (order.BillingAddress!.Company, order.ShippingAddress!.Company));
    }

    [Fact]
    public void A_partial_refund_reads_its_lines_shipping_taxes_restock_and_gateway_refund()
    {
        var id = Fake.Shop.AddOrder(Basket);
        var refundSpec = new FakeRefundSpec([new(0, 2, Restock: true)], Shipping: 7.00m);
        var refundId = Fake.Shop.AddRefund(id, refundSpec);

        var order = MapWithRefunds(id);

        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.PartiallyRefunded, "processing"), order.FinancialStatus);
        var refund = Assert.Single(order.Refunds);
        Assert.Equal((refundId.ToString(System.Globalization.CultureInfo.InvariantCulture), order.Id, "Customer returned it", FakeOrderMath.RefundAmount(Basket, refundSpec)),
            (refund.Id, refund.OrderId, refund.Note, refund.Amount));
        Assert.NotNull(refund.CreatedAt);

        // Two of three mugs: 33.75 × 2/3 = 22.50, taxes 2.45 and 0.34 × 2/3 → 1.63 and 0.23.
        var line = Assert.Single(refund.Lines);
        Assert.Equal((order.Lines[0].Id, 2, 22.50m, 1.86m), (line.LineId, line.Quantity, line.Subtotal, line.Tax));
        Assert.Equal(new StoreCode<CommerceRestockType>(CommerceRestockType.LegacyRestock, null), line.Restock);
        Assert.True(refund.Restock);
        Assert.Equal((7.00m, 0.51m), (refund.Shipping, refund.ShippingTax));
        Assert.Equal(refund.Amount, refund.Lines.Sum(l => l.Subtotal!.Value + l.Tax!.Value) + refund.Shipping + refund.ShippingTax);
        Assert.Empty(refund.Adjustments);
        var transaction = Assert.Single(refund.Transactions);
        Assert.Equal(("stripe", CommercePaymentKind.Refund, CommercePaymentStatus.Success, refund.Amount, refund.CreatedAt),
            (transaction.Gateway, transaction.Kind.Meaning, transaction.Status.Meaning, transaction.Amount, transaction.ProcessedAt));
    }

    [Fact]
    public void A_full_refund_without_restock_of_a_bank_transfer_is_refunded_moves_no_money_through_the_gateway_and_restocks_nothing()
    {
        var spec = Basket with { Gateway = "bacs", Fees = [] };
        var id = Fake.Shop.AddOrder(spec);
        var refundSpec = new FakeRefundSpec([new(0, 3), new(1, 1)], Shipping: 7.00m, Note: "Lost in transit");
        Fake.Shop.AddRefund(id, refundSpec);

        var order = MapWithRefunds(id);

        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.Refunded, "refunded"), order.FinancialStatus);
        var refund = Assert.Single(order.Refunds);
        Assert.Equal((spec.Total, "Lost in transit"), (refund.Amount, refund.Note));
        Assert.Equal([order.Lines[0].Id, order.Lines[1].Id], refund.Lines.Select(line => line.LineId));
        Assert.All(refund.Lines, line => Assert.Equal(new StoreCode<CommerceRestockType>(CommerceRestockType.NoRestock, null), line.Restock));
        Assert.False(refund.Restock);
        Assert.Empty(refund.Transactions);
    }

    [Fact]
    public void Refunds_of_prices_including_tax_give_back_amounts_with_their_tax()
    {
        var spec = Basket with { PricesIncludeTax = true, Lines = [.. Basket.Lines.Select(line => line with { Taxes = [Vat] })], Shipping = Basket.Shipping! with { Taxes = [Vat] }, Fees = [] };
        var id = Fake.Shop.AddOrder(spec);
        var refundSpec = new FakeRefundSpec([new(1, 1)], Shipping: 7.00m);
        Fake.Shop.AddRefund(id, refundSpec);

        var refund = MapWithRefunds(id).Refunds.Single();

        // The T-shirt cost 18.00 after its discount, tax 3.00 included; shipping 7.00 with 1.17 of tax in it.
        var line = refund.Lines.Single();
        Assert.Equal((18.00m, 3.00m), (line.Subtotal, line.Tax));
        Assert.Equal((7.00m, 1.17m), (refund.Shipping, refund.ShippingTax));
        Assert.Equal(FakeOrderMath.RefundAmount(spec, refundSpec), refund.Amount);
        Assert.Equal(refund.Amount, line.Subtotal + refund.Shipping);
    }

    [Fact]
    public void When_only_some_refunds_of_a_line_restocked_whether_each_did_is_unknown()
    {
        var id = Fake.Shop.AddOrder(Basket);
        Fake.Shop.AddRefund(id, new FakeRefundSpec([new(0, 1, Restock: true)]));
        Fake.Shop.AddRefund(id, new FakeRefundSpec([new(0, 1)]));
        Fake.Shop.AddRefund(id, new FakeRefundSpec([new(1, 1, Restock: true)]));

        var order = MapWithRefunds(id);

        // Newest first, as WooCommerce lists them: the T-shirt's one refund restocked; of the mug's two, one did.
        Assert.Equal([true, null, null], order.Refunds.Select(refund => refund.Restock));
        Assert.Equal(CommerceRestockType.LegacyRestock, order.Refunds[0].Lines.Single().Restock!.Value.Meaning);
        Assert.All(order.Refunds.Skip(1), refund => Assert.Null(refund.Lines.Single().Restock));
    }

    private CommerceOrder Map(long id) => WooCommercePayloads.ParseOrder(Fake.Shop.Order(id)!.ToJsonString());

    private CommerceOrder MapWithRefunds(long id)
    {
        var order = Fake.Shop.Order(id)!;
        var refunds = order["refunds"]!.AsArray().Select(summary => Fake.Shop.Refund(summary!["id"]!.GetValue<long>())!.ToJsonString()).ToList();
        return WooCommercePayloads.ParseOrder(order.ToJsonString(), refunds);
    }
}
