using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// An order's tax rates, from its <c>tax_lines</c>: the per-line <c>taxes</c> name a rate only by id, and the
/// order's tax line for that rate gives its label, percentage and compound flag.
/// </summary>
internal sealed class WooCommerceTaxRates
{
    private readonly Dictionary<string, CommerceTaxLine> ratesById;

    private WooCommerceTaxRates(Dictionary<string, CommerceTaxLine> ratesById, List<CommerceTaxLine> orderTaxes)
    {
        this.ratesById = ratesById;
        OrderTaxes = orderTaxes;
    }

    /// <summary>The order's tax lines, each as one tax of its whole amount (items and shipping).</summary>
    public IReadOnlyList<CommerceTaxLine> OrderTaxes { get; }

    public static WooCommerceTaxRates Of(PayloadNode order)
    {
        var rates = new Dictionary<string, CommerceTaxLine>();
        var orderTaxes = new List<CommerceTaxLine>();
        foreach (var line in order.Objects("tax_lines"))
        {
            var rate = new CommerceTaxLine(
                line.RequiredText("label"),
                line.Decimal("rate_percent") / 100m,
                0m,
                CountryOf(line.Text("rate_code")),
                line.Flag("compound") ?? false);
            rates[line.RequiredId("rate_id")] = rate;
            orderTaxes.Add(rate with { Amount = (line.Decimal("tax_total") ?? 0m) + (line.Decimal("shipping_tax_total") ?? 0m) });
        }

        return new WooCommerceTaxRates(rates, orderTaxes);
    }

    /// <summary>
    /// The taxes of a line, shipping line or fee. Their amounts are WooCommerce's unrounded ones ("1.125"), which
    /// add up to the order's tax where the rounded line totals may not.
    /// </summary>
    public IReadOnlyList<CommerceTaxLine> Taxes(PayloadNode owner) =>
        owner.Objects("taxes")
            .Select(tax => (Tax: tax, Amount: tax.Decimal("total")))
            .Where(entry => entry.Amount is not null)
            .Select(entry =>
            {
                var rateId = entry.Tax.RequiredId("id");
                var rate = ratesById.GetValueOrDefault(rateId)
                    ?? throw entry.Tax.Problem($"{entry.Tax.Path} names tax rate {rateId}, which the order's tax_lines do not list");
                return rate with { Amount = entry.Amount!.Value };
            })
            .ToList();

    /// <summary>WooCommerce builds rate codes as COUNTRY-STATE-NAME-PRIORITY, leaving out empty parts ("US-CA-STATE TAX").</summary>
    private static string? CountryOf(string? rateCode) =>
        rateCode?.Split('-') is [{ Length: 2 } country, _, ..] && country.All(char.IsAsciiLetterUpper) ? country : null;
}
