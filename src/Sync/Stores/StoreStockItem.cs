namespace Portal.Sync.Stores;

/// <summary>
/// A variant's stock at one store location. <see cref="InventoryItemId"/> is what the store's stock API addresses
/// (Shopify's inventory item gid; WooCommerce "{product}" or "{product}/{variation}"); null quantity = not tracked.
/// </summary>
public sealed record StoreStockItem(string VariantId, string InventoryItemId, string? Sku, int? Quantity);
