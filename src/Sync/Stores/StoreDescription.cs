namespace Portal.Sync.Stores;

/// <summary>
/// What a connection test learns: the store's name and currency, its plan or software version, the access the
/// credentials were granted (Shopify scopes, WooCommerce "read_write"), and the rate-limit budget left when known.
/// </summary>
public sealed record StoreDescription(string Name, string Currency, string? Version, IReadOnlyList<string> Access, int? RateLimitRemaining);
