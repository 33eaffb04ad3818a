using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>A store location and the Odoo warehouse (or stock location) it stands for.</summary>
public sealed class LocationMappingForm : IMappingForm<LocationMapping, LocationMappingForm>
{
    /// <summary>The store's id of the location; "default" for a WooCommerce site, which has one.</summary>
    public string StoreLocationId { get; set; } = "";

    public string StoreLocationName { get; set; } = "";
    public long? OdooWarehouseId { get; set; }
    public long? OdooLocationId { get; set; }

    /// <summary>Orders ship from the primary location's warehouse; saving one primary makes the others not.</summary>
    public bool IsPrimary { get; set; }

    public static LocationMappingForm From(LocationMapping mapping) => new()
    {
        StoreLocationId = mapping.StoreLocationId,
        StoreLocationName = mapping.StoreLocationName,
        OdooWarehouseId = mapping.OdooWarehouseId,
        OdooLocationId = mapping.OdooLocationId,
        IsPrimary = mapping.IsPrimary,
    };

    public string NaturalKey() => StoreLocationId.Trim();

    public void ApplyTo(LocationMapping mapping, DateTimeOffset now)
    {
        mapping.StoreLocationId = StoreLocationId.Trim();
        mapping.StoreLocationName = StoreLocationName.Trim();
        mapping.OdooWarehouseId = OdooWarehouseId;
        mapping.OdooLocationId = OdooLocationId;
        mapping.IsPrimary = IsPrimary;
        mapping.UpdatedAt = now;
    }
}
