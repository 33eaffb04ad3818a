using System.Globalization;
using Portal.Data.Entities;
using Portal.Sync.Commerce;
using Portal.Sync.Jobs;

namespace Portal.Sync.Mapping;

/// <summary>
/// Turns the taxes a store charged on a line into Odoo sale taxes through the store's tax mappings. A tax is
/// known by its title, rate, country and whether prices include it; a mapping without a country matches any.
/// A tax line of zero (an exempt customer) charges nothing, so it needs no Odoo tax.
/// </summary>
public sealed class TaxResolver(StoreOrderSetup setup, bool pricesIncludeTax, string? orderCountryCode)
{
    public IReadOnlyList<long> Resolve(IEnumerable<CommerceTaxLine> taxes) =>
        taxes.Where(t => t.Amount != 0m).Select(Resolve).Distinct().ToList();

    private long Resolve(CommerceTaxLine tax)
    {
        var country = MappingLookup.TaxCountry(tax, orderCountryCode);
        return MappingLookup.Tax(setup.Taxes, tax.Title, tax.Rate, country, pricesIncludeTax)?.OdooTaxId ?? throw Missing(tax, country);
    }

    private JobConfigurationException Missing(CommerceTaxLine tax, string country)
    {
        var rate = tax.Rate is { } known ? string.Create(CultureInfo.InvariantCulture, $"{known * 100:0.###} %") : "rate unknown";
        var included = pricesIncludeTax ? "prices including tax" : "prices excluding tax";
        var where = country.Length > 0 ? $", {country}" : "";
        var query = $"?title={Uri.EscapeDataString(tax.Title)}&rate={(tax.Rate ?? 0m).ToString(CultureInfo.InvariantCulture)}&country={country}&included={(pricesIncludeTax ? "true" : "false")}";
        return new JobConfigurationException($"No tax mapping for '{tax.Title}' ({rate}{where}, {included}).", setup.FixPath("mappings/taxes") + query);
    }
}
