using Portal.Sync.Commerce;

namespace Portal.Sync.Tests.Commerce;

/// <summary>Totals recomputed from an order's parts, to check a parsed order against the store's own total.</summary>
internal static class OrderArithmetic
{
    /// <summary>
    /// Lines × quantities − their discounts + shipping − its discounts + fees + duties + tips, plus the taxes unless
    /// prices include them; the duties' taxes are added either way, as no price contains them.
    /// </summary>
    public static decimal TotalFromLines(CommerceOrder order)
    {
        var lines = order.Lines.Sum(line => line.UnitPrice * line.Quantity - line.Discounts.Sum(discount => discount.Amount));
        var shipping = order.ShippingLines.Sum(line => line.Price - line.Discounts.Sum(discount => discount.Amount));
        var taxes = order.Lines.Sum(line => line.Taxes.Sum(tax => tax.Amount))
            + order.ShippingLines.Sum(line => line.Taxes.Sum(tax => tax.Amount))
            + order.Fees.Sum(fee => fee.Taxes.Sum(tax => tax.Amount));
        var duties = order.Lines.SelectMany(line => line.Duties).ToList();
        return lines + shipping + order.Fees.Sum(fee => fee.Amount) + duties.Sum(duty => duty.Amount + duty.Taxes.Sum(tax => tax.Amount))
            + order.Totals.Tips + (order.PricesIncludeTax ? 0m : taxes);
    }

    /// <summary>The store's own subtotals added up the way <see cref="CommerceOrderTotals"/> documents.</summary>
    public static decimal TotalFromTotals(CommerceOrder order)
    {
        var totals = order.Totals;
        return totals.LineItems - totals.Discounts + totals.Shipping + totals.Tips + totals.Duties + totals.Fees
            + (order.PricesIncludeTax ? 0m : totals.Tax);
    }
}
