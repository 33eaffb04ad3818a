namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// The Odoo sale tax a store tax most likely is: one of the same rate and price inclusion whose country, where Odoo
/// gives one, is the store tax's; a tax of the tax's own country before one of no country, then one named as the
/// store names it. A store tax of unknown rate is matched by name only. Null when nothing fits: the person chooses.
/// </summary>
public static class TaxSuggestions
{
    public static OdooTaxChoice? For(SeenTaxLine tax, IReadOnlyList<OdooTaxChoice> odooTaxes) =>
        odooTaxes
            .Where(o => o.PriceIncluded == tax.PriceIncluded && Fits(tax, o))
            .OrderByDescending(o => o.CountryCode is not null)
            .ThenByDescending(o => string.Equals(o.Name.Trim(), tax.Title.Trim(), StringComparison.OrdinalIgnoreCase))
            .ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)
            .FirstOrDefault();

    private static bool Fits(SeenTaxLine tax, OdooTaxChoice odoo)
    {
        var country = odoo.CountryCode is not { Length: > 0 } code || tax.CountryCode.Length == 0
                      || string.Equals(code, tax.CountryCode, StringComparison.OrdinalIgnoreCase);
        return country && (tax.Rate is { } rate
            ? Math.Round(odoo.Amount, 4) == Math.Round(rate * 100m, 4)
            : string.Equals(odoo.Name.Trim(), tax.Title.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
