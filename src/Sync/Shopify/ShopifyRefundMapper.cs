using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

internal static class ShopifyRefundMapper
{
    public static CommerceRefund Map(PayloadNode refund)
    {
        var transactions = refund.Objects("transactions").Select(ShopifyTransactionMapper.Map).ToList();
        return new CommerceRefund
        {
            Id = refund.ShopifyId("Refund"),
            OrderId = refund.RequiredId("order_id"),
            CreatedAt = refund.Time("created_at"),
            Note = refund.Text("note"),
            Restock = refund.Flag("restock"),
            Lines = refund.Objects("refund_line_items").Select(Line).ToList(),

            // No sample carries a refunded shipping line; the amount is read as GraphQL's RefundShippingLine
            // names it (subtotalAmountSet), and any other shape fails loudly rather than refunding no shipping.
            Shipping = refund.Objects("refund_shipping_lines").Sum(line => line.RequiredMoney("subtotal_amount")),
            ShippingTax = refund.Objects("refund_shipping_lines").Sum(line => line.RequiredMoney("tax_amount")),
            Adjustments = refund.Objects("order_adjustments").Select(Adjustment).ToList(),
            Transactions = transactions,
            Amount = transactions
                .Where(transaction => transaction is { Kind.Meaning: CommercePaymentKind.Refund, Status.Meaning: CommercePaymentStatus.Success })
                .Sum(transaction => transaction.Amount),
        };
    }

    private static CommerceRefundLine Line(PayloadNode line)
    {
        var restock = line.Text("restock_type");
        return new CommerceRefundLine
        {
            // The nested line item carries the exact gid; line_item_id is only the number.
            LineId = line.Object("line_item") is { } item ? item.ShopifyId("LineItem") : line.Id("line_item_id"),
            Quantity = line.RequiredInteger("quantity"),
            Subtotal = line.Money("subtotal"),
            Tax = line.Money("total_tax"),
            Restock = restock is null ? null : new StoreCode<CommerceRestockType>(RestockOf(restock), restock),
            LocationId = line.Id("location_id"),
        };
    }

    private static CommerceRefundAdjustment Adjustment(PayloadNode adjustment) =>
        new(adjustment.Text("kind"), adjustment.Text("reason"), adjustment.RequiredMoney("amount"), adjustment.Money("tax_amount") ?? 0m);

    internal static CommerceRestockType RestockOf(string restock) => restock switch
    {
        "no_restock" => CommerceRestockType.NoRestock,
        "cancel" => CommerceRestockType.Cancel,
        "return" => CommerceRestockType.Return,
        "legacy_restock" => CommerceRestockType.LegacyRestock,
        _ => CommerceRestockType.Other,
    };
}
