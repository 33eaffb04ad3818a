using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// Where a shop's Admin API is: https://{name}.myshopify.com. An address may be the bare domain or that URL;
/// a loopback URL (http allowed) only where loopback addresses are allowed (Stores:AllowLoopbackAddresses: the
/// sandbox and tests). <see cref="Domain"/> names the shop: its rate-limit bucket, its webhooks' Shop-Domain header.
/// </summary>
public sealed record ShopifyShop
{
    private ShopifyShop(string domain, Uri baseUri)
    {
        Domain = domain;
        BaseUri = baseUri;
    }

    /// <summary>"my-shop.myshopify.com", or "127.0.0.1:5123" for a loopback shop.</summary>
    public string Domain { get; }

    public Uri BaseUri { get; }

    public Uri GraphQlEndpoint(string apiVersion) => new(BaseUri, $"admin/api/{apiVersion}/graphql.json");

    public Uri AuthorizeEndpoint => new(BaseUri, "admin/oauth/authorize");

    public Uri AccessTokenEndpoint => new(BaseUri, "admin/oauth/access_token");

    public static ShopifyShop? TryParse(string? address, bool allowLoopback)
    {
        var text = address?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (StoreAddresses.IsShopDomain(text.ToLowerInvariant()))
        {
            return MyShopify(text);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.PathAndQuery != "/" || url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && StoreAddresses.IsShopDomain(url.Host.ToLowerInvariant()))
        {
            return MyShopify(url.Host);
        }

        return allowLoopback && StoreAddresses.IsLoopback(url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? new ShopifyShop(url.Authority.ToLowerInvariant(), new Uri(url.GetLeftPart(UriPartial.Authority) + "/"))
            : null;
    }

    /// <summary>Why an address was refused, for the message the merchant sees.</summary>
    public static string Explain(string? address) =>
        $"'{address}' is not a Shopify shop address: use the shop's myshopify.com domain, e.g. my-shop.myshopify.com.";

    public override string ToString() => Domain;

    private static ShopifyShop MyShopify(string domain) => new(domain.ToLowerInvariant(), new Uri($"https://{domain.ToLowerInvariant()}/"));
}
