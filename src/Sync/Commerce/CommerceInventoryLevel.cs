namespace Portal.Sync.Commerce;

/// <summary>
/// Stock of one inventory item at one location. <see cref="Available"/> is null when the store does not track it.
/// </summary>
public sealed record CommerceInventoryLevel(string InventoryItemId, string LocationId, int? Available, DateTimeOffset? UpdatedAt);
