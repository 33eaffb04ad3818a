using System.Text.Json.Nodes;
using Portal.Sync.Commerce;
using Portal.Sync.Shopify;
using Portal.Sync.Tests.Commerce;
using Portal.Tests.Shared;

namespace Portal.Sync.Tests.Shopify;

/// <summary>
/// A GraphQL order answer as Order.graphql selects it, its refund as Refund.graphql reads it joined in by the
/// client (written to the 2026-10 schema, in the shape of the real answers in shared/fixtures/real/shopify/graphql:
/// amounts as strings in MoneyBags, gids, extensions.cost).
/// </summary>
public class ShopifyGraphQlOrderTests
{
    private static CommerceOrder Order()
    {
        var response = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Sync.Tests", "Shopify", "order.graphql-response.json")))!;
        return ShopifyPayloads.ParseGraphQlOrder(response["data"]!["order"]!.ToJsonString());
    }

    [Fact]
    public void The_header_reads_ids_from_gids_and_statuses_from_the_enums()
    {
        var order = Order();

        Assert.Equal("6452318683329", order.Id);
        Assert.Equal("#1043", order.Name);
        Assert.Equal("43", order.Number);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 2, 47, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal("EUR", order.Currency);
        Assert.False(order.PricesIncludeTax);
        Assert.Equal(new StoreCode<CommerceFinancialStatus>(CommerceFinancialStatus.PartiallyRefunded, "PARTIALLY_REFUNDED"), order.FinancialStatus);
        Assert.Equal(new StoreCode<CommerceFulfilmentStatus>(CommerceFulfilmentStatus.PartiallyFulfilled, "PARTIALLY_FULFILLED"), order.FulfilmentStatus);
        Assert.Null(order.Cancellation);
        Assert.Equal(["shopify_payments"], order.PaymentGateways);
    }

    [Fact]
    public void People_and_addresses_come_from_the_current_fields()
    {
        var order = Order();

        Assert.Equal(new CommerceCustomer("8123456789012", "ada@example.com", "Ada", "Lovelace", "+442071234567", "Analytical Engines Ltd", order.BillingAddress), order.Customer);
        Assert.Equal(new CommerceAddress("Charles Babbage", "Charles", "Babbage", null, "1 Dorset Street", "Flat 2", "London", "ENG", "W1U 4EG", "GB", null), order.ShippingAddress);
        Assert.Equal("ada@example.com", order.Email);
    }

    [Fact]
    public void Lines_carry_prices_taxes_and_the_discount_their_allocations_point_at()
    {
        var order = Order();

        var mug = order.Lines[0];
        Assert.Equal(("15834123456789", "8012345678901", "44012345678901", "MUG-BLUE", "Ceramic Mug - Blue"), (mug.Id, mug.ProductId, mug.VariantId, mug.Sku, mug.Title));
        Assert.Equal((2, 12.5m, true, 0), (mug.Quantity, mug.UnitPrice, mug.RequiresShipping!.Value, mug.FulfillableQuantity!.Value));
        Assert.Equal([new CommerceTaxLine("VAT", 0.2m, 4.5m, null, false)], mug.Taxes);
        Assert.Equal([new CommerceDiscountAllocation(2.5m, "WELCOME10", null)], mug.Discounts);
        Assert.Equal([new CommerceDiscount("discount_code", "WELCOME10", null, 3.3m)], order.Discounts);
        var shipping = order.ShippingLines.Single();
        Assert.Equal(("5301234567890", "Standard", "Standard", 4.9m), (shipping.Id, shipping.Title, shipping.Code, shipping.Price));
        Assert.Equal([new CommerceTaxLine("VAT", 0.2m, 0.98m, null, false)], shipping.Taxes);
        Assert.Empty(shipping.Discounts);
    }

    [Fact]
    public void The_totals_add_up_from_the_parts_and_from_the_stores_subtotals()
    {
        var order = Order();

        Assert.Equal(new CommerceOrderTotals { LineItems = 33m, Discounts = 3.3m, Shipping = 4.9m, Tax = 6.92m, Tips = 0m, Duties = 0m, Fees = 0m, Total = 41.52m }, order.Totals);
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromLines(order));
        Assert.Equal(order.Totals.Total, OrderArithmetic.TotalFromTotals(order));
        Assert.Equal(order.Totals.Tax, order.TaxLines.Sum(tax => tax.Amount));
    }

    [Fact]
    public void Transactions_refunds_and_fulfilments_ride_along()
    {
        var order = Order();

        Assert.Equal(
            [(CommercePaymentKind.Authorization, 41.52m), (CommercePaymentKind.Capture, 41.52m), (CommercePaymentKind.Refund, 8.64m)],
            order.Payments.Select(payment => (payment.Kind.Meaning, payment.Amount)));
        Assert.All(order.Payments, payment => Assert.Equal(CommercePaymentStatus.Success, payment.Status.Meaning));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 2, 45, TimeSpan.Zero), order.Payments[2].ProcessedAt);

        var refund = order.Refunds.Single();
        Assert.Equal(("1012345678901", "6452318683329", 8.64m, "Towel arrived torn"), (refund.Id, refund.OrderId, refund.Amount, refund.Note));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 2, 45, TimeSpan.Zero), refund.CreatedAt);
        var refunded = Assert.Single(refund.Lines);
        Assert.Equal(("15834123456790", 1, 7.2m, 1.44m, null), (refunded.LineId, refunded.Quantity, refunded.Subtotal, refunded.Tax, refunded.LocationId));
        Assert.Equal(new StoreCode<CommerceRestockType>(CommerceRestockType.NoRestock, "NO_RESTOCK"), refunded.Restock);
        Assert.False(refund.Restock);
        Assert.Equal((0m, 0m), (refund.Shipping, refund.ShippingTax));
        Assert.Empty(refund.Adjustments);
        Assert.Equal(order.Payments[2], Assert.Single(refund.Transactions));

        var fulfilment = order.Fulfilments.Single();
        Assert.Equal(new StoreCode<CommerceFulfilmentState>(CommerceFulfilmentState.Success, "SUCCESS"), fulfilment.Status);
        Assert.Equal([new CommerceFulfilmentLine("15834123456789", 2)], fulfilment.Lines);
        Assert.Equal(("DHL Express", "1234567890"), (fulfilment.TrackingCompany, fulfilment.TrackingNumbers.Single()));
    }

    [Fact]
    public void An_id_of_the_wrong_type_is_refused_naming_the_field()
    {
        var response = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Sync.Tests", "Shopify", "order.graphql-response.json")))!;
        var order = response["data"]!["order"]!.AsObject();
        order["id"] = "gid://shopify/Product/1";

        var error = Assert.Throws<CommercePayloadException>(() => ShopifyPayloads.ParseGraphQlOrder(order.ToJsonString()));

        Assert.Contains("id is not a Order id", error.Message, StringComparison.Ordinal);
    }
}
