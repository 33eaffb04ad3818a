namespace Portal.Data.Entities;

/// <summary>
/// A store tax, as its orders name it, and the Odoo sale tax it is. The store's tax is known by its title, rate,
/// country and whether prices include it; an empty <see cref="CountryCode"/> matches any country.
/// </summary>
public class TaxMapping : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public required string Title { get; set; }

    /// <summary>A fraction: 0.2 for 20 %.</summary>
    public decimal Rate { get; set; }

    public string CountryCode { get; set; } = "";
    public bool PriceIncluded { get; set; }
    public long OdooTaxId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
