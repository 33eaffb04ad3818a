namespace Portal.Data.Entities;

/// <summary>
/// One linked variant's stock at one store location, as the connector last set or read it. Stock pushes compare
/// against it, so only changes are sent, and it is the quantity a compare-and-set expects to find in the store.
/// </summary>
public class StockLevel : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }

    /// <summary>The store's variant id (for a WooCommerce simple product, the product id).</summary>
    public required string VariantId { get; set; }

    /// <summary>What the store's stock API addresses: Shopify's inventory item gid; WooCommerce "{product}" or "{product}/{variation}".</summary>
    public required string InventoryItemId { get; set; }

    /// <summary>The store location, as in <see cref="LocationMapping.StoreLocationId"/>.</summary>
    public required string StoreLocationId { get; set; }

    public long OdooProductId { get; set; }

    /// <summary>The quantity the store had when last set or read; null until then.</summary>
    public int? Quantity { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
