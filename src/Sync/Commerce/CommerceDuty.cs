namespace Portal.Sync.Commerce;

/// <summary>An import duty charged on one line (Shopify Markets), with the taxes charged on it.</summary>
public sealed record CommerceDuty(
    string Id,
    decimal Amount,
    string? HarmonizedSystemCode,
    string? CountryCodeOfOrigin,
    IReadOnlyList<CommerceTaxLine> Taxes);
