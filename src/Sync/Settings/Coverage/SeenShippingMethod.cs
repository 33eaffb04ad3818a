namespace Portal.Sync.Settings.Coverage;

/// <summary>
/// A shipping method seen in recent orders, by the key shipping mappings use (its code, or its title when it has none).
/// It is covered by a shipping mapping or, failing that, by the store's default shipping product.
/// </summary>
public sealed record SeenShippingMethod(string Method, string Title, int Orders, bool IsMapped);
