using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// A v3 order refund (<c>orders/{id}/refunds/{id}</c>). WooCommerce stores a refund as a negative copy of what it
/// gives back: line items, shipping lines and fee lines with negative quantities, totals and taxes, each naming the
/// order item it refunds in its <c>_refunded_item_id</c> meta. Lines and shipping read as positive amounts, with
/// their tax added when the order's prices include it; refunded fees become adjustments of kind "fee_refund",
/// signed and split from their tax as WooCommerce keeps them (as Shopify's order adjustments are).
/// Restocking is not in the refund: see <see cref="WooCommerceRestocks"/>.
/// </summary>
internal static class WooCommerceRefundMapper
{
    public const string FeeRefund = "fee_refund";

    public static CommerceRefund Map(PayloadNode refund, WooCommerceRefundOrigin origin)
    {
        var includesTax = origin.PricesIncludeTax;
        var createdAt = refund.UtcTime("date_created");
        var amount = refund.RequiredDecimal("amount");
        var shipping = refund.Objects("shipping_lines");
        return new CommerceRefund
        {
            Id = refund.RequiredId("id"),
            OrderId = origin.OrderId,
            CreatedAt = createdAt,
            Note = refund.Text("reason"),
            Lines = refund.Objects("line_items").Select(line => Line(line, includesTax)).ToList(),
            Shipping = shipping.Sum(line => Given(line, includesTax)),
            ShippingTax = shipping.Sum(line => Math.Abs(line.Decimal("total_tax") ?? 0m)),
            Adjustments = refund.Objects("fee_lines")
                .Select(fee => new CommerceRefundAdjustment(FeeRefund, fee.DecodedText("name"), fee.RequiredDecimal("total"), fee.Decimal("total_tax") ?? 0m))
                .ToList(),
            Transactions = refund.Flag("refunded_payment") == true ? [GatewayRefund(origin, amount, createdAt)] : [],
            Amount = amount,
        };
    }

    /// <summary>The refunded order item: the line, shipping line or fee a refund item gives back.</summary>
    public static string? RefundedItemId(PayloadNode item) =>
        item.Objects("meta_data")
            .Where(meta => meta.Text("key") == "_refunded_item_id")
            .Select(meta => meta.Id("value"))
            .FirstOrDefault();

    private static CommerceRefundLine Line(PayloadNode line, bool includesTax) => new()
    {
        LineId = RefundedItemId(line),
        Quantity = Math.Abs(line.RequiredInteger("quantity")),
        Subtotal = Given(line, includesTax),
        Tax = line.Decimal("total_tax") is { } tax ? Math.Abs(tax) : null,
    };

    /// <summary>An item's refunded total as a positive amount, with its tax when prices include tax.</summary>
    private static decimal Given(PayloadNode item, bool includesTax) =>
        Math.Abs(item.RequiredDecimal("total")) + (includesTax ? Math.Abs(item.Decimal("total_tax") ?? 0m) : 0m);

    /// <summary>
    /// <c>refunded_payment</c> says the gateway's API gave the money back (a manual refund, e.g. of a bank
    /// transfer, moves nothing through it): one refund transaction on the order's gateway, as WooCommerce records no
    /// id for it.
    /// </summary>
    private static CommercePayment GatewayRefund(WooCommerceRefundOrigin origin, decimal amount, DateTimeOffset? at) => new()
    {
        Gateway = origin.Gateway,
        GatewayTitle = origin.GatewayTitle,
        Kind = new(CommercePaymentKind.Refund, null),
        Status = new(CommercePaymentStatus.Success, null),
        Amount = amount,
        Currency = origin.Currency,
        ProcessedAt = at,
    };
}
