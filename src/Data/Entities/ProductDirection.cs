namespace Portal.Data.Entities;

/// <summary>Which side owns a store's catalogue. Odoo does by default.</summary>
public enum ProductDirection
{
    OdooToStore,
    StoreToOdoo,
    Off,
}
