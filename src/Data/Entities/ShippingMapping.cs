namespace Portal.Data.Entities;

/// <summary>
/// A store shipping method (by its code, or its title when it has none) and what it is in Odoo: a delivery
/// carrier, whose delivery product the shipping line uses, or just a service product.
/// </summary>
public class ShippingMapping : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public required string Method { get; set; }
    public long? OdooCarrierId { get; set; }
    public long? OdooProductId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
