using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// Where one store's REST API lives and how its key may travel: Basic auth over HTTPS, or OAuth 1.0a signatures over
/// plain HTTP when the store explicitly allows it (WooCommerce itself only accepts Basic auth over HTTPS).
/// </summary>
internal sealed class WooCommerceSite
{
    private WooCommerceSite(string address, bool signsRequests)
    {
        Address = address;
        SignsRequests = signsRequests;
    }

    /// <summary>The WordPress home address without a trailing slash, e.g. <c>https://shop.example.com</c> or <c>https://example.com/shop</c>.</summary>
    public string Address { get; }

    /// <summary>True over plain HTTP: every request carries an OAuth 1.0a signature instead of the secret.</summary>
    public bool SignsRequests { get; }

    /// <param name="loopbackIsSecure">
    /// <see cref="StoresOptions.AllowLoopbackAddresses"/>: the sandbox's and tests' fake stores listen on plain-HTTP
    /// loopback, where keys cannot be sniffed on a network, and must exercise the HTTPS paths (Basic auth and its fallback).
    /// </param>
    public static WooCommerceSite For(StoreConnection connection, bool loopbackIsSecure)
    {
        if (!Uri.TryCreate(connection.Address.Trim(), UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
            || address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            throw new StoreApiException(StoreApiErrorKind.Configuration,
                $"'{connection.Address}' is not a WooCommerce site address: give the shop's home address, e.g. https://shop.example.com.");
        }

        var home = address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var secure = address.Scheme == Uri.UriSchemeHttps || (loopbackIsSecure && StoreAddresses.IsLoopback(address));
        if (!secure && !connection.AllowInsecureHttp)
        {
            throw new StoreApiException(StoreApiErrorKind.Configuration,
                $"{home} is plain HTTP; WooCommerce keys would travel in clear. Use https, or allow insecure HTTP for this store explicitly.");
        }

        return new WooCommerceSite(home, signsRequests: !secure);
    }

    /// <summary>
    /// The address of a REST route ("wc/v3/orders", or "" for the API index): under /wp-json, or, on a site with plain
    /// permalinks, through <c>?rest_route=</c>, which WordPress answers whatever its permalink setting.
    /// </summary>
    public Uri Url(string route, IEnumerable<KeyValuePair<string, string>> query, bool plainPermalinks) =>
        plainPermalinks
            ? WooCommerceQuery.Append(new Uri($"{Address}/"), [KeyValuePair.Create("rest_route", $"/{route}"), .. query])
            : WooCommerceQuery.Append(new Uri($"{Address}/wp-json/{route}"), query);

    public override string ToString() => Address;
}
