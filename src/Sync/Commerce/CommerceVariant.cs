namespace Portal.Sync.Commerce;

/// <summary>
/// One sellable version of a product. <see cref="InventoryItemId"/> names its stock in inventory levels (Shopify's
/// inventory item; on WooCommerce the product or variation itself). <see cref="Price"/> is null when the store
/// has none, e.g. a WooCommerce product not for sale; <see cref="WeightUnit"/> is null when the payload does not
/// carry it (WooCommerce keeps it as a site setting).
/// </summary>
public sealed record CommerceVariant
{
    public required string Id { get; init; }
    public required string ProductId { get; init; }
    public string? Title { get; init; }
    public string? Sku { get; init; }
    public string? Barcode { get; init; }
    public decimal? Price { get; init; }
    public required IReadOnlyList<CommerceVariantOption> Options { get; init; }
    public decimal? Weight { get; init; }
    public string? WeightUnit { get; init; }
    public string? InventoryItemId { get; init; }
}

/// <summary>An option value such as Size = "Small"; the name is null when the store sent only the value.</summary>
public sealed record CommerceVariantOption(string? Name, string Value);
