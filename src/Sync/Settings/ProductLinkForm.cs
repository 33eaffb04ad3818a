using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>A store SKU linked by hand to an Odoo product variant, for lines neither SKU nor barcode matching finds.</summary>
public sealed class ProductLinkForm : IMappingForm<RecordLink, ProductLinkForm>
{
    public string Sku { get; set; } = "";
    public long? OdooProductId { get; set; }

    /// <param name="link">A SKU link: its store key starts with <see cref="ProductLinks.SkuPrefix"/>.</param>
    public static ProductLinkForm From(RecordLink link) => new() { Sku = link.StoreKey[ProductLinks.SkuPrefix.Length..], OdooProductId = link.OdooId };

    public string NaturalKey() => Sku.Trim();

    public void ApplyTo(RecordLink link, DateTimeOffset now)
    {
        link.StoreKey = ProductLinks.StoreKeyOf(Sku.Trim());
        link.OdooId = OdooProductId!.Value;
        link.UpdatedAt = now;
    }
}
