using System.Globalization;
using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>A store tax as its orders name it, and the Odoo sale tax it is.</summary>
public sealed class TaxMappingForm : IMappingForm<TaxMapping, TaxMappingForm>
{
    public string Title { get; set; } = "";

    /// <summary>A fraction: 0.2 for 20 %.</summary>
    public decimal Rate { get; set; }

    /// <summary>Two letters (FR), or empty for any country.</summary>
    public string CountryCode { get; set; } = "";

    public bool PriceIncluded { get; set; }
    public long? OdooTaxId { get; set; }

    public static TaxMappingForm From(TaxMapping mapping) => new()
    {
        Title = mapping.Title,
        Rate = mapping.Rate,
        CountryCode = mapping.CountryCode,
        PriceIncluded = mapping.PriceIncluded,
        OdooTaxId = mapping.OdooTaxId,
    };

    public string NaturalKey() => string.Create(CultureInfo.InvariantCulture, $"{Title.Trim()}|{Rate:G29}|{Country}|{PriceIncluded}");

    public void ApplyTo(TaxMapping mapping, DateTimeOffset now)
    {
        mapping.Title = Title.Trim();
        mapping.Rate = Rate;
        mapping.CountryCode = Country;
        mapping.PriceIncluded = PriceIncluded;
        mapping.OdooTaxId = OdooTaxId!.Value;
        mapping.UpdatedAt = now;
    }

    private string Country => CountryCode.Trim().ToUpperInvariant();
}
