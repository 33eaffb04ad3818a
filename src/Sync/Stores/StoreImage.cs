namespace Portal.Sync.Stores;

/// <summary>One image of a store product: its store id, and the address the store serves it from (null while the store still processes it).</summary>
public sealed record StoreImage(string Id, string? Url);
