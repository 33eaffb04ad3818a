namespace Portal.Sync.Stores;

/// <summary>Which store addresses the forms accept; loopback ones only where the options allow them.</summary>
internal static class StoreAddressRules
{
    public static bool IsShop(string input, StoresOptions options)
    {
        var shop = StoreAddresses.NormalizeShop(input);
        return StoreAddresses.IsShopDomain(shop) || (options.AllowLoopbackAddresses && StoreAddresses.IsLoopback(shop));
    }

    public static bool IsSite(string input, StoresOptions options) =>
        Uri.TryCreate(StoreAddresses.NormalizeSite(input), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && (options.AllowLoopbackAddresses || !StoreAddresses.IsLoopback(uri));

    /// <summary>Plain HTTP to a real host; the sandbox's loopback sites count as local, not exposed.</summary>
    public static bool IsPlainHttpSite(string input, StoresOptions options) =>
        Uri.TryCreate(StoreAddresses.NormalizeSite(input), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
        && !(options.AllowLoopbackAddresses && StoreAddresses.IsLoopback(uri));
}
