namespace Portal.Sync.Settings;

/// <summary>A store SKU linked by hand to an Odoo product variant, for lines neither SKU nor barcode matching finds.</summary>
public sealed class ProductLinkForm
{
    public string Sku { get; set; } = "";
    public long? OdooProductId { get; set; }
}
