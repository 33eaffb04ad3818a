namespace Portal.Sync.Stores;

/// <summary>
/// Installs the merchant's app (created in Shopify's developer dashboard) on a shop through OAuth: the
/// client id and secret come from the app's settings; the access token comes from the install.
/// </summary>
public sealed class ShopifyAppForm
{
    public string Name { get; set; } = "";
    public string Shop { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    public override string ToString() => $"Shopify app install form for {Shop}";
}
