namespace Portal.Sync.Stores;

/// <summary>
/// Connects a shop with an Admin API access token, for apps that already have one. The app's API secret
/// (client secret) is what Shopify signs webhooks with.
/// </summary>
public sealed class ShopifyStoreForm
{
    public string Name { get; set; } = "";

    /// <summary>"my-shop", "my-shop.myshopify.com" or the admin address; kept as the myshopify.com domain.</summary>
    public string Shop { get; set; } = "";

    public string AccessToken { get; set; } = "";
    public string AppSecret { get; set; } = "";

    public override string ToString() => $"Shopify store form for {Shop}";
}
