using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Sync.Stores;

/// <summary>
/// Turns what merchants type into the address a store is kept under: a Shopify shop as its
/// "name.myshopify.com" domain (also from "name" or a pasted admin URL), a WooCommerce site as its base URL.
/// Loopback addresses ("http://127.0.0.1:5001") are only for the sandbox and tests.
/// </summary>
public static partial class StoreAddresses
{
    public static string NormalizeShop(string input)
    {
        var text = input.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return IsLoopback(uri) ? uri.GetLeftPart(UriPartial.Authority) : uri.Host.ToLowerInvariant();
        }

        text = text.TrimEnd('/').ToLowerInvariant();
        return text.Contains('.', StringComparison.Ordinal) ? text : $"{text}.myshopify.com";
    }

    public static bool IsShopDomain(string address) => ShopDomain().IsMatch(address);

    public static string NormalizeSite(string input) => input.Trim().TrimEnd('/');

    public static bool IsLoopback(string address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && IsLoopback(uri);

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$")]
    private static partial Regex ShopDomain();
}
