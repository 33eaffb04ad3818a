using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// One-legged OAuth 1.0a as WooCommerce checks it (<c>WC_REST_Authentication::check_oauth_signature</c>): every query
/// parameter but the signature, sorted by name, each name and value percent-encoded (RFC 3986), joined as
/// <c>name=value</c>, each pair encoded again and joined with <c>%26</c>; the base string is
/// <c>METHOD&amp;encoded URL without query&amp;pairs</c>, signed with HMAC keyed by <c>consumer_secret&amp;</c>.
/// The parameters travel in the query string, where WooCommerce reads them.
/// </summary>
internal static class WooCommerceOAuth1
{
    /// <summary>WooCommerce also accepts HMAC-SHA1; SHA-256 is the stronger of the two.</summary>
    public const string SignatureMethod = "HMAC-SHA256";

    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The address with the OAuth parameters and the signature added; <paramref name="address"/>'s own query is signed too.</summary>
    public static Uri Sign(HttpMethod method, Uri address, WooCommerceCredentials credentials, DateTimeOffset now)
    {
        KeyValuePair<string, string>[] oauth =
        [
            KeyValuePair.Create("oauth_consumer_key", credentials.ConsumerKey),
            KeyValuePair.Create("oauth_nonce", RandomNumberGenerator.GetString(NonceAlphabet, 32)),
            KeyValuePair.Create("oauth_signature_method", SignatureMethod),
            KeyValuePair.Create("oauth_timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ];
        var baseString = BaseString(method, address, [.. WooCommerceQuery.Parse(address), .. oauth]);
        return WooCommerceQuery.Append(address, [.. oauth, KeyValuePair.Create("oauth_signature", Signature(baseString, credentials.ConsumerSecret))]);
    }

    public static string BaseString(HttpMethod method, Uri address, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var pairs = parameters
            .OrderBy(parameter => parameter.Key, StringComparer.Ordinal)
            .Select(parameter => Encode($"{Encode(parameter.Key)}={Encode(parameter.Value)}"));
        return $"{method.Method.ToUpperInvariant()}&{Encode(address.GetLeftPart(UriPartial.Path))}&{string.Join("%26", pairs)}";
    }

    public static string Signature(string baseString, string consumerSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(consumerSecret + "&"), Encoding.UTF8.GetBytes(baseString)));

    private static string Encode(string text) => Uri.EscapeDataString(text);
}
