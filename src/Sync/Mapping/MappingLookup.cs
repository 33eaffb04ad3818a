using Portal.Data.Entities;
using Portal.Sync.Commerce;

namespace Portal.Sync.Mapping;

/// <summary>
/// How the order and payment flows find the mapping of a store tax, shipping line and payment gateway. The flows and
/// the mapping coverage (wizards, feature gating, self-test) share it, so "mapped" means the same to both.
/// </summary>
public static class MappingLookup
{
    /// <summary>
    /// The country a tax line is charged in: its own where the store encodes it, else the order's shipping (or billing)
    /// country; "" when neither is known.
    /// </summary>
    public static string TaxCountry(CommerceTaxLine tax, string? orderCountryCode) =>
        (tax.CountryCode ?? orderCountryCode ?? "").ToUpperInvariant();

    /// <summary>Whether the order's lines carry their taxes; older Shopify orders carry them only on the order, whose lines then take the store's default tax.</summary>
    public static bool TaxedPerLine(CommerceOrder order) => order.Lines.Any(l => l.Taxes.Count > 0) || order.ShippingLines.Any(s => s.Taxes.Count > 0);

    /// <summary>The country an order's taxes fall back to: where it ships, else where it is billed.</summary>
    public static string? OrderCountry(CommerceOrder order) => (order.ShippingAddress ?? order.BillingAddress)?.CountryCode;

    /// <summary>
    /// The mapping of a tax by title, inclusion, rate (any rate when the store did not say) and country; a mapping for the
    /// tax's country wins over one without a country, which matches any. Null when none matches.
    /// </summary>
    public static TaxMapping? Tax(IEnumerable<TaxMapping> mappings, string title, decimal? rate, string country, bool priceIncluded) =>
        mappings
            .Where(m => string.Equals(m.Title, title, StringComparison.OrdinalIgnoreCase)
                        && m.PriceIncluded == priceIncluded
                        && (rate is not { } known || Math.Round(m.Rate, 6) == Math.Round(known, 6))
                        && (m.CountryCode.Length == 0 || string.Equals(m.CountryCode, country, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(m => m.CountryCode.Length)
            .FirstOrDefault();

    /// <summary>What shipping mappings call a shipping line's method: its code, or its title when it has none.</summary>
    public static string ShippingMethod(CommerceShippingLine shipping) => shipping.Code is { Length: > 0 } code ? code : shipping.Title;

    /// <summary>The mapping of a shipping line by its method, else by its title; null when neither is mapped.</summary>
    public static ShippingMapping? Shipping(IEnumerable<ShippingMapping> mappings, CommerceShippingLine shipping)
    {
        var method = ShippingMethod(shipping);
        var all = mappings as IReadOnlyCollection<ShippingMapping> ?? mappings.ToList();
        return all.FirstOrDefault(m => string.Equals(m.Method, method, StringComparison.OrdinalIgnoreCase))
               ?? all.FirstOrDefault(m => string.Equals(m.Method, shipping.Title, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The journal mapping of a payment gateway ("" for a payment without one); null when it has none.</summary>
    public static PaymentJournalMapping? Journal(IEnumerable<PaymentJournalMapping> mappings, string gateway) =>
        mappings.FirstOrDefault(j => string.Equals(j.Gateway, gateway, StringComparison.OrdinalIgnoreCase));
}
