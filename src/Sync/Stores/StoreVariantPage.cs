namespace Portal.Sync.Stores;

/// <summary>A page of the store's variants; <see cref="Total"/> is how many the store holds in all, when it says.</summary>
public sealed record StoreVariantPage(IReadOnlyList<StoreVariant> Items, string? NextCursor, int? Total);
