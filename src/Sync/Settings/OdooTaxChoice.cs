namespace Portal.Sync.Settings;

/// <summary>An Odoo sale tax as a tax mapping's picker shows it.</summary>
/// <param name="Amount">Odoo's percentage: 20 for 20 %.</param>
public sealed record OdooTaxChoice(long Id, string Name, decimal Amount, bool PriceIncluded, string? Country);
