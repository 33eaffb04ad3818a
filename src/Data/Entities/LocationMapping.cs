namespace Portal.Data.Entities;

/// <summary>
/// A store location and the Odoo warehouse (or stock location) it stands for. A WooCommerce site has one
/// location. Orders ship from the warehouse of the <see cref="IsPrimary"/> location.
/// </summary>
public class LocationMapping : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }

    /// <summary>The store's location id; "default" for a WooCommerce site.</summary>
    public required string StoreLocationId { get; set; }

    public required string StoreLocationName { get; set; }
    public long? OdooWarehouseId { get; set; }
    public long? OdooLocationId { get; set; }
    public bool IsPrimary { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
