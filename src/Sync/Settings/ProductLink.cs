namespace Portal.Sync.Settings;

/// <summary>
/// A store variant and the Odoo product it is: made by the order flow when it matched the variant, or by a
/// person for a SKU (<see cref="Sku"/> set, <see cref="VariantId"/> null).
/// </summary>
public sealed record ProductLink(Guid Id, string? VariantId, string? Sku, long OdooProductId, DateTimeOffset UpdatedAt)
{
    public bool MadeByHand => Sku is not null;
}
