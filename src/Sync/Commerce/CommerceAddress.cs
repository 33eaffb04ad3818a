namespace Portal.Sync.Commerce;

/// <summary>
/// A postal address as the store holds it. <see cref="ProvinceCode"/> is Shopify's province code or WooCommerce's
/// state (an ISO code or, on some sites, a name); <see cref="CountryCode"/> is ISO 3166-1 alpha-2.
/// </summary>
public sealed record CommerceAddress(
    string? Name,
    string? FirstName,
    string? LastName,
    string? Company,
    string? Line1,
    string? Line2,
    string? City,
    string? ProvinceCode,
    string? Zip,
    string? CountryCode,
    string? Phone)
{
    private static readonly CommerceAddress Blank = new(null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>Null for an address with nothing in it, which is how stores send "no address" (WooCommerce: all fields "").</summary>
    internal CommerceAddress? UnlessBlank() => this == Blank ? null : this;
}
