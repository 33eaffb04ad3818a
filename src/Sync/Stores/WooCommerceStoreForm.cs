namespace Portal.Sync.Stores;

/// <summary>Connects a WooCommerce site with a REST API key (WooCommerce → Settings → Advanced → REST API, Read/Write).</summary>
public sealed class WooCommerceStoreForm
{
    public string Name { get; set; } = "";
    public string SiteUrl { get; set; } = "";
    public string ConsumerKey { get; set; } = "";
    public string ConsumerSecret { get; set; } = "";

    /// <summary>Plain-HTTP sites only: sign requests with OAuth 1.0a instead of refusing to send the key.</summary>
    public bool AllowInsecureHttp { get; set; }

    public override string ToString() => $"WooCommerce store form for {SiteUrl}";
}
