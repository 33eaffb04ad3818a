namespace Portal.Sync.Shopify;

/// <summary>
/// An "available" quantity to set for an inventory item at a location. <see cref="ChangeFrom"/> is the quantity
/// believed to be there now: Shopify refuses the change if it is not (compare-and-set); null opts out of the check.
/// Ids are the numeric ids or gids.
/// </summary>
public sealed record ShopifyInventoryQuantity(string InventoryItemId, string LocationId, int Quantity, int? ChangeFrom);
