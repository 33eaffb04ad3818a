namespace Portal.Sync.Stores;

/// <summary>
/// One sellable variant of a store product as the matching step sees it; a WooCommerce simple product is its own
/// single variant (its <see cref="VariantId"/> is the product id).
/// </summary>
public sealed record StoreVariant(string ProductId, string VariantId, string? InventoryItemId, string Title, string? Sku, string? Barcode);
