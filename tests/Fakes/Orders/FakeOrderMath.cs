namespace Portal.Fakes.Orders;

/// <summary>
/// Amounts of a <see cref="FakeOrderSpec"/> as Shopify and WooCommerce compute them: each tax per line, on the
/// line's amount after its discount, rounded half away from zero to the cent; with prices including tax, the
/// tax is the part of the amount above amount / (1 + rates).
/// </summary>
public static class FakeOrderMath
{
    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The taxes charged on <paramref name="amount"/>, in the order of <paramref name="taxes"/>.</summary>
    public static IReadOnlyList<decimal> Taxes(decimal amount, IReadOnlyList<FakeTaxSpec> taxes, bool pricesIncludeTax)
    {
        if (!pricesIncludeTax)
        {
            return taxes.Select(t => Cents(amount * t.Rate)).ToList();
        }

        var net = amount / (1 + taxes.Sum(t => t.Rate));
        return taxes.Select(t => Cents(net * t.Rate)).ToList();
    }

    public static decimal LineAmount(FakeOrderLineSpec line) => (line.UnitPrice * line.Quantity) - line.Discount;

    public static IReadOnlyList<decimal> LineTaxes(FakeOrderSpec order, FakeOrderLineSpec line) => Taxes(LineAmount(line), line.Taxes, order.PricesIncludeTax);

    public static IReadOnlyList<decimal> ShippingTaxes(FakeOrderSpec order) =>
        order.Shipping is { } shipping ? Taxes(shipping.Price - shipping.Discount, shipping.Taxes, order.PricesIncludeTax) : [];

    public static IReadOnlyList<decimal> DutyTaxes(FakeDutySpec duty) => Taxes(duty.Amount, duty.Taxes, pricesIncludeTax: false);

    public static IReadOnlyList<decimal> FeeTaxes(FakeOrderSpec order, FakeFeeSpec fee) => Taxes(fee.Amount, fee.Taxes, order.PricesIncludeTax);

    public static decimal LinesSubtotal(FakeOrderSpec order) => order.Lines.Sum(l => l.UnitPrice * l.Quantity);

    public static decimal Discounts(FakeOrderSpec order) => order.Lines.Sum(l => l.Discount) + (order.Shipping?.Discount ?? 0m);

    public static decimal Tax(FakeOrderSpec order) =>
        order.Lines.Sum(l => LineTaxes(order, l).Sum())
        + ShippingTaxes(order).Sum()
        + order.Duties.Sum(d => DutyTaxes(d).Sum())
        + order.Fees.Sum(f => FeeTaxes(order, f).Sum());

    /// <summary>What the customer paid. Duties' taxes are never inside a price, so they are added either way.</summary>
    public static decimal Total(FakeOrderSpec order)
    {
        var goods = order.Lines.Sum(LineAmount) + ((order.Shipping?.Price ?? 0m) - (order.Shipping?.Discount ?? 0m)) + order.Fees.Sum(f => f.Amount);
        var dutyTaxes = order.Duties.Sum(d => DutyTaxes(d).Sum());
        var addedTax = order.PricesIncludeTax ? dutyTaxes : Tax(order);
        return goods + order.Duties.Sum(d => d.Amount) + order.Tip + addedTax;
    }

    /// <summary>What the store gives back for <paramref name="refund"/>: the refunded lines' share of their amount and taxes, plus shipping.</summary>
    public static decimal RefundAmount(FakeOrderSpec order, FakeRefundSpec refund)
    {
        var amount = 0m;
        foreach (var refunded in refund.Lines)
        {
            var line = order.Lines[refunded.LineIndex];
            var share = (decimal)refunded.Quantity / line.Quantity;
            var goods = Cents(LineAmount(line) * share);
            amount += goods + (order.PricesIncludeTax ? 0m : LineTaxes(order, line).Sum(t => Cents(t * share)));
        }

        if (refund.Shipping > 0 && order.Shipping is { } shipping)
        {
            amount += refund.Shipping + (order.PricesIncludeTax ? 0m : Taxes(refund.Shipping, shipping.Taxes, false).Sum());
        }

        return amount;
    }
}
