using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// Shopify's authorization-code grant for installing the app on a shop: the authorize URL the merchant is sent
/// to, the HMAC that proves a callback came from Shopify, and the exchange of the callback's code for the shop's
/// offline access token. The app is the merchant's (its client id and secret come with each install); the portal
/// keeps and checks the <c>state</c> nonce; this class never sees a session, and never puts a secret in a message.
/// </summary>
public sealed class ShopifyOAuth(IHttpClientFactory httpClients, IOptions<ShopifyOptions> options, IOptions<StoresOptions> stores)
{
    /// <summary>The shop a callback or install request names, or null when it is not a myshopify.com shop.</summary>
    public ShopifyShop? ParseShop(string? shop) => ShopifyShop.TryParse(shop, stores.Value.AllowLoopbackAddresses);

    /// <summary>Where to send the merchant to approve the app's scopes; Shopify then redirects to <paramref name="redirectUri"/> with a code.</summary>
    public Uri AuthorizeUrl(ShopifyShop shop, string clientId, Uri redirectUri, string state)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        var query = string.Join('&',
            $"client_id={Uri.EscapeDataString(clientId)}",
            $"scope={Uri.EscapeDataString(options.Value.Scopes)}",
            $"redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}",
            $"state={Uri.EscapeDataString(state)}");
        return new UriBuilder(shop.AuthorizeEndpoint) { Query = query }.Uri;
    }

    /// <summary>Whether a callback's query string carries Shopify's signature (its <c>hmac</c> parameter) for the app's client secret.</summary>
    public static bool IsAuthentic(IEnumerable<KeyValuePair<string, StringValues>> query, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var parameters = query.ToList();
        var claimed = parameters.Where(parameter => parameter.Key == "hmac").Select(parameter => parameter.Value.ToString()).FirstOrDefault();
        if (string.IsNullOrEmpty(claimed) || claimed.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        byte[] claimedBytes;
        try
        {
            claimedBytes = Convert.FromHexString(claimed);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(SignedMessage(parameters)));
        return CryptographicOperations.FixedTimeEquals(claimedBytes, expected);
    }

    /// <summary>
    /// The string Shopify signs: every parameter but <c>hmac</c> (and the legacy <c>signature</c>), sorted by name,
    /// as name=value joined with &amp;, with % and &amp; (and = in names) escaped; several values read as ["a", "b"].
    /// </summary>
    public static string SignedMessage(IEnumerable<KeyValuePair<string, StringValues>> query) =>
        string.Join('&', query
            .Where(parameter => parameter.Key is not ("hmac" or "signature"))
            .OrderBy(parameter => parameter.Key, StringComparer.Ordinal)
            .Select(parameter => $"{Escape(parameter.Key).Replace("=", "%3D", StringComparison.Ordinal)}={Value(parameter.Value)}"));

    /// <summary>Exchanges a callback's code for the shop's offline access token.</summary>
    public async Task<ShopifyAccessGrant> ExchangeCodeAsync(ShopifyShop shop, string clientId, string clientSecret, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var http = httpClients.CreateClient(ShopifyGraphQlClient.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(shop.AccessTokenEndpoint,
                new JsonObject { ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code }, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ShopifyErrors.FromNetwork(ex, shop, "the access token exchange");
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new StoreApiException(StoreApiErrorKind.Authentication,
                    $"Shopify refused the authorization code for {shop} (HTTP {(int)response.StatusCode}): it expired or was used already. Install the app again.",
                    (int)response.StatusCode);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw ShopifyErrors.FromStatus(response.StatusCode, null, shop, "the access token exchange");
            }

            JsonNode? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
            }
            catch (JsonException)
            {
                throw ShopifyErrors.NotUnderstood(shop, "the access token exchange", "not JSON");
            }

            var token = answer?["access_token"]?.GetValue<string>();
            return string.IsNullOrEmpty(token)
                ? throw ShopifyErrors.NotUnderstood(shop, "the access token exchange", "no access_token")
                : new ShopifyAccessGrant(shop, token, (answer?["scope"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    private static string Value(StringValues values) => values.Count == 1
        ? Escape(values.ToString())
        : $"[{string.Join(", ", values.Select(value => $"\"{Escape(value ?? "")}\""))}]";

    private static string Escape(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("&", "%26", StringComparison.Ordinal);
}
