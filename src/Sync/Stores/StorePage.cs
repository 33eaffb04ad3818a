namespace Portal.Sync.Stores;

/// <summary>One page of a listing; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record StorePage<T>(IReadOnlyList<T> Items, string? NextCursor);
