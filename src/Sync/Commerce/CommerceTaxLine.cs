namespace Portal.Sync.Commerce;

/// <summary>
/// One tax charged on a line, a shipping line, a fee or a duty. <see cref="Rate"/> is a fraction (0.2 for 20 %),
/// null when the store did not say (WooCommerce before <c>rate_percent</c>); <see cref="CountryCode"/> is known
/// only where the store encodes it (WooCommerce rate codes start with it).
/// </summary>
public sealed record CommerceTaxLine(string Title, decimal? Rate, decimal Amount, string? CountryCode, bool IsCompound);
