namespace Portal.Fakes.Odoo;

/// <summary>A percent tax as a line carries it: its id, its rate in percent, and whether prices include it.</summary>
public sealed record FakeOdooTax(long Id, decimal Percent, bool PriceIncluded);

/// <summary>What a sale or invoice line is charged: unit price, quantity, discount in percent, its taxes.</summary>
public sealed record FakeOdooTaxedLine(decimal PriceUnit, decimal Quantity, decimal Discount, IReadOnlyList<FakeOdooTax> Taxes);

/// <summary>A line's amounts as Odoo stores them: subtotal (untaxed), tax and total, rounded to the currency.</summary>
public sealed record FakeOdooLineAmounts(decimal Subtotal, decimal Tax, decimal Total);

/// <summary>
/// Odoo 17's account.tax compute_all for percent taxes, and the document totals built on it. The base
/// (price after discount × quantity) and the untaxed amount are rounded to the cent; price-included taxes are
/// what lies between them. Excluded taxes are rounded per line (round_per_line) or kept to 1e-7 and summed per
/// tax before rounding (round_globally), which is where Odoo's totals part from the stores'.
/// </summary>
public static class FakeOdooTaxes
{
    public const string RoundPerLine = "round_per_line";
    public const string RoundGlobally = "round_globally";

    public static (IReadOnlyList<FakeOdooLineAmounts> Lines, decimal Untaxed, decimal Tax) Compute(IReadOnlyList<FakeOdooTaxedLine> lines, string roundingMethod)
    {
        var globally = roundingMethod == RoundGlobally;
        var amounts = new List<FakeOdooLineAmounts>();
        var perTax = new Dictionary<long, decimal>();
        foreach (var line in lines)
        {
            var (subtotal, taxes) = LineTaxes(line, globally);
            var lineTax = Cents(taxes.Sum(t => t.Amount));
            amounts.Add(new FakeOdooLineAmounts(subtotal, lineTax, subtotal + lineTax));
            foreach (var (id, amount) in taxes)
            {
                perTax[id] = perTax.GetValueOrDefault(id) + amount;
            }
        }

        var untaxed = amounts.Sum(a => a.Subtotal);
        var tax = globally ? perTax.Values.Sum(Cents) : amounts.Sum(a => a.Tax);
        return (amounts, untaxed, tax);
    }

    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static (decimal Subtotal, List<(long Id, decimal Amount)> Taxes) LineTaxes(FakeOdooTaxedLine line, bool globally)
    {
        var precision = globally ? 7 : 2;
        var priceAfterDiscount = line.PriceUnit * (1 - (line.Discount / 100m));
        var baseAmount = Cents(priceAfterDiscount * line.Quantity);
        var included = line.Taxes.Where(t => t.PriceIncluded).ToList();
        var subtotal = Cents(baseAmount / (1 + (included.Sum(t => t.Percent) / 100m)));
        var taxes = new List<(long, decimal)>();
        var includedLeft = baseAmount - subtotal;
        foreach (var tax in line.Taxes)
        {
            if (tax.PriceIncluded)
            {
                // The last price-included tax takes what is left, so base = subtotal + included taxes exactly.
                var amount = tax == included[^1] ? includedLeft : Math.Round(subtotal * tax.Percent / 100m, precision, MidpointRounding.AwayFromZero);
                includedLeft -= amount;
                taxes.Add((tax.Id, amount));
            }
            else
            {
                taxes.Add((tax.Id, Math.Round(subtotal * tax.Percent / 100m, precision, MidpointRounding.AwayFromZero)));
            }
        }

        return (subtotal, taxes);
    }
}
