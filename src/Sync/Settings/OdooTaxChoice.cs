namespace Portal.Sync.Settings;

/// <summary>An Odoo sale tax as a tax mapping's picker shows it.</summary>
/// <param name="Amount">Odoo's percentage: 20 for 20 %.</param>
/// <param name="Country">The country's name, null for a tax of no country.</param>
/// <param name="CountryCode">The country's two-letter code, by which the tax wizard matches it to a store's tax.</param>
public sealed record OdooTaxChoice(long Id, string Name, decimal Amount, bool PriceIncluded, string? Country, string? CountryCode = null);
