namespace Portal.Data.Entities;

/// <summary>
/// One store variant in a matching dry run (<see cref="SyncRun"/> of kind ProductMatching): what it would be
/// linked to. Nothing is linked until a person applies the run.
/// </summary>
public class ProductMatch : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RunId { get; set; }
    public Guid StoreId { get; set; }
    public required string StoreProductId { get; set; }
    public required string VariantId { get; set; }
    public string? InventoryItemId { get; set; }
    public required string Title { get; set; }
    public string? Sku { get; set; }
    public string? Barcode { get; set; }
    public ProductMatchOutcome Outcome { get; set; }

    /// <summary>The Odoo product it matches (or is linked to); for an ambiguous variant, null.</summary>
    public long? OdooProductId { get; set; }

    /// <summary>Every Odoo product that matched, "id:display name" joined by "; ", for a person to choose from.</summary>
    public string? Candidates { get; set; }
}
