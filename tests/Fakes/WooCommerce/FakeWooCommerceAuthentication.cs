using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Portal.Fakes.WooCommerce;

/// <summary>
/// WooCommerce's <c>WC_REST_Authentication</c>, written again from its source: over HTTPS (<c>is_ssl()</c>) the key from
/// consumer_key/consumer_secret in the query, else from Basic auth; failing that, an OAuth 1.0a signature in the query,
/// checked with a 15-minute timestamp window and nonces kept per key. An unknown consumer key over Basic auth is not an
/// error here: the request goes on without a user, and the route's own permission check answers 401.
/// </summary>
internal sealed class FakeWooCommerceAuthentication(Func<IReadOnlyCollection<FakeWooCommerceKey>> keys, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly string[] OAuthParameters = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"];

    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, long>> usedNonces = [];

    public FakeWooCommerceCaller Authenticate(HttpRequest request, bool secure, bool stripsAuthorizationHeader)
    {
        var caller = FakeWooCommerceCaller.Nobody;
        if (secure)
        {
            caller = Basic(request, stripsAuthorizationHeader);
            if (caller.Key is not null)
            {
                return caller;
            }
        }

        return OAuth(request, secure) ?? caller;
    }

    /// <summary>The key's own read/write permission, checked before the route runs (<c>check_permissions</c>).</summary>
    public static FakeWooCommerceException? Refusal(FakeWooCommerceKey key, string method) => method switch
    {
        "GET" or "HEAD" when !key.MayRead => new("woocommerce_rest_authentication_error", "The API key provided does not have read permissions.", 401),
        "POST" or "PUT" or "PATCH" or "DELETE" when !key.MayWrite =>
            new("woocommerce_rest_authentication_error", "The API key provided does not have write permissions.", 401),
        _ => null,
    };

    private FakeWooCommerceCaller Basic(HttpRequest request, bool stripsAuthorizationHeader)
    {
        string? consumerKey = request.Query["consumer_key"];
        string? consumerSecret = request.Query["consumer_secret"];
        var mechanism = "query-string";
        if (string.IsNullOrEmpty(consumerKey) || string.IsNullOrEmpty(consumerSecret))
        {
            (consumerKey, consumerSecret) = stripsAuthorizationHeader ? (null, null) : BasicHeader(request.Headers.Authorization.ToString());
            mechanism = "basic-header";
        }

        if (string.IsNullOrEmpty(consumerKey) || string.IsNullOrEmpty(consumerSecret) || Find(consumerKey) is not { } key)
        {
            return FakeWooCommerceCaller.Nobody;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.ConsumerSecret), Encoding.UTF8.GetBytes(consumerSecret))
            ? new FakeWooCommerceCaller(key, mechanism, null)
            : new FakeWooCommerceCaller(null, null, Unauthorized("Consumer secret is invalid."));
    }

    private FakeWooCommerceCaller? OAuth(HttpRequest request, bool secure)
    {
        var parameters = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var missing = OAuthParameters.Where(name => string.IsNullOrEmpty(parameters.GetValueOrDefault(name))).ToList();
        if (missing.Count == OAuthParameters.Length)
        {
            return null;
        }

        if (missing.Count > 0)
        {
            return new(null, null, new FakeWooCommerceException("woocommerce_rest_authentication_missing_parameter",
                $"Missing OAuth parameter{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}", 401));
        }

        if (Find(parameters["oauth_consumer_key"]) is not { } key)
        {
            return Failed("Consumer key is invalid.");
        }

        var method = parameters["oauth_signature_method"];
        if (method is not ("HMAC-SHA1" or "HMAC-SHA256"))
        {
            return Failed("Invalid signature - signature method is invalid.");
        }

        var expected = Signature(request, secure, parameters, key.ConsumerSecret, method);
        var given = Uri.UnescapeDataString(parameters["oauth_signature"].Replace(' ', '+'));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given)))
        {
            return Failed("Invalid signature - provided signature does not match.");
        }

        return TimestampAndNonceRefusal(key, parameters["oauth_timestamp"], parameters["oauth_nonce"]) is { } refusal
            ? Failed(refusal)
            : new FakeWooCommerceCaller(key, "oauth1", null);
    }

    /// <summary>
    /// <c>check_oauth_signature</c>: the parameters but the signature, sorted by name, names and values encoded
    /// (RFC 3986), each "name=value" encoded again, joined with %26; the base URL is the home URL with the scheme
    /// <c>is_ssl()</c> gives and the raw request path.
    /// </summary>
    private static string Signature(HttpRequest request, bool secure, Dictionary<string, string> parameters, string secret, string method)
    {
        var path = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget.Split('?')[0] ?? request.Path.Value;
        var baseUrl = $"{(secure ? "https" : "http")}://{request.Host.Value}{path}";
        var pairs = parameters.Where(pair => pair.Key != "oauth_signature")
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => Uri.EscapeDataString($"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
        var signed = Encoding.UTF8.GetBytes($"{request.Method.ToUpperInvariant()}&{Uri.EscapeDataString(baseUrl)}&{string.Join("%26", pairs)}");
        var hashKey = Encoding.UTF8.GetBytes(secret + "&");
#pragma warning disable CA5350 // WooCommerce accepts HMAC-SHA1 signatures, so the fake checks them as it does.
        return Convert.ToBase64String(method == "HMAC-SHA1" ? HMACSHA1.HashData(hashKey, signed) : HMACSHA256.HashData(hashKey, signed));
#pragma warning restore CA5350
    }

    private string? TimestampAndNonceRefusal(FakeWooCommerceKey key, string timestamp, string nonce)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || Math.Abs(seconds - now) > Window.TotalSeconds)
        {
            return "Invalid timestamp.";
        }

        lock (gate)
        {
            var used = usedNonces.TryGetValue(key.ConsumerKey, out var known) ? known : usedNonces[key.ConsumerKey] = [];
            if (used.ContainsKey(nonce))
            {
                return "Invalid nonce - nonce has already been used.";
            }

            foreach (var expired in used.Where(pair => pair.Value < now - Window.TotalSeconds).Select(pair => pair.Key).ToList())
            {
                used.Remove(expired);
            }

            used[nonce] = seconds;
            return null;
        }
    }

    private FakeWooCommerceKey? Find(string consumerKey) => keys().FirstOrDefault(key => key.ConsumerKey == consumerKey);

    private static (string? Key, string? Secret) BasicHeader(string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (null, null) : (decoded[..colon], decoded[(colon + 1)..]);
    }

    private static FakeWooCommerceCaller Failed(string message) => new(null, null, Unauthorized(message));

    private static FakeWooCommerceException Unauthorized(string message) => new("woocommerce_rest_authentication_error", message, 401);
}
