namespace Portal.Sync.Commerce;

/// <summary>
/// One product line of an order. <see cref="UnitPrice"/> is before discounts, and includes tax exactly when the
/// order's <see cref="CommerceOrder.PricesIncludeTax"/> says so; the discounts that fell on the line are in
/// <see cref="Discounts"/>. <see cref="RequiresShipping"/> and <see cref="FulfillableQuantity"/> are null where
/// the store does not report them (WooCommerce).
/// </summary>
public sealed record CommerceOrderLine
{
    public required string Id { get; init; }
    public string? ProductId { get; init; }
    public string? VariantId { get; init; }
    public string? Sku { get; init; }

    /// <summary>The line's name as the customer saw it, e.g. "IPod Nano - 8gb - green".</summary>
    public required string Title { get; init; }

    public required int Quantity { get; init; }
    public required decimal UnitPrice { get; init; }
    public required IReadOnlyList<CommerceTaxLine> Taxes { get; init; }
    public required IReadOnlyList<CommerceDiscountAllocation> Discounts { get; init; }
    public required IReadOnlyList<CommerceDuty> Duties { get; init; }
    public bool? RequiresShipping { get; init; }
    public int? FulfillableQuantity { get; init; }
}
