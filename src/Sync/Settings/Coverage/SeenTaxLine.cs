namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// One distinct store tax seen in recent orders, known as the tax resolver knows it: title, rate (a fraction, null when
/// the store did not say), country ("" when unknown) and whether prices include it. <see cref="OdooTaxId"/> is the
/// mapped Odoo tax, null when no mapping matches.
/// </summary>
public sealed record SeenTaxLine(string Title, decimal? Rate, string CountryCode, bool PriceIncluded, int Orders, long? OdooTaxId)
{
    public bool IsMapped => OdooTaxId is not null;
}
