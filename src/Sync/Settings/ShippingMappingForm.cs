using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>A store shipping method and the Odoo delivery carrier or service product its shipping lines use.</summary>
public sealed class ShippingMappingForm : IMappingForm<ShippingMapping, ShippingMappingForm>
{
    /// <summary>The method's code as the store's orders carry it, or its title when it has none.</summary>
    public string Method { get; set; } = "";

    public long? OdooCarrierId { get; set; }
    public long? OdooProductId { get; set; }

    public static ShippingMappingForm From(ShippingMapping mapping) => new()
    {
        Method = mapping.Method,
        OdooCarrierId = mapping.OdooCarrierId,
        OdooProductId = mapping.OdooProductId,
    };

    public string NaturalKey() => Method.Trim();

    public void ApplyTo(ShippingMapping mapping, DateTimeOffset now)
    {
        mapping.Method = Method.Trim();
        mapping.OdooCarrierId = OdooCarrierId;
        mapping.OdooProductId = OdooProductId;
        mapping.UpdatedAt = now;
    }
}
