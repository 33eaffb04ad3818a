namespace Portal.Sync.Stores;

/// <summary>
/// A quantity to set. <see cref="Expected"/> is what the connector believes the store has now (its last set or read
/// value), for platforms that compare before they set; null when unknown.
/// </summary>
public sealed record StoreStockChange(string InventoryItemId, int Quantity, int? Expected);
