namespace Portal.Sync.WooCommerce;

/// <summary>The stock to set on a product or variation; setting it also turns on stock management for the item.</summary>
public sealed record WooCommerceStockUpdate(long Id, int Quantity);
