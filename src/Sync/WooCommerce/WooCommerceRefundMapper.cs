using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// A v3 order refund. Its body does not name its order (only a link does), so the caller, who fetched it under
/// <c>orders/{id}/refunds</c>, passes the order id. WooCommerce stores refunded quantities and amounts negative.
/// </summary>
internal static class WooCommerceRefundMapper
{
    public static CommerceRefund Map(PayloadNode refund, string orderId) => new()
    {
        Id = refund.RequiredId("id"),
        OrderId = orderId,
        CreatedAt = refund.UtcTime("date_created"),
        Note = refund.Text("reason"),
        Lines = refund.Objects("line_items").Select(Line).ToList(),
        Shipping = 0m,
        Adjustments = [],
        Transactions = [],
        Amount = refund.RequiredDecimal("amount"),
    };

    private static CommerceRefundLine Line(PayloadNode line) => new()
    {
        LineId = RefundedLineId(line),
        Quantity = Math.Abs(line.RequiredInteger("quantity")),
        Subtotal = Math.Abs(line.RequiredDecimal("total")),
        Tax = line.Decimal("total_tax") is { } tax ? Math.Abs(tax) : null,
    };

    /// <summary>The order line a refund line refunds, kept in its <c>_refunded_item_id</c> meta (listed when read with context=edit).</summary>
    private static string? RefundedLineId(PayloadNode line) =>
        line.Objects("meta_data")
            .Where(meta => meta.Text("key") == "_refunded_item_id")
            .Select(meta => meta.Id("value"))
            .FirstOrDefault();
}
