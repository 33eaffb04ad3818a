namespace Portal.Sync.Shopify;

/// <summary>What an OAuth install yields: the shop's offline access token and the scopes the merchant granted.</summary>
public sealed record ShopifyAccessGrant(ShopifyShop Shop, string AccessToken, IReadOnlyList<string> Scopes)
{
    // The token is a secret: a record's generated ToString would print it into logs.
    public override string ToString() => $"Shopify access to {Shop} ({string.Join(',', Scopes)})";
}
