namespace Portal.Sync.Configuration;

/// <summary>
/// A store's API credentials, each secret a reference to an environment variable. Shopify takes the access token
/// and the app's secret (webhooks are signed with it); WooCommerce takes the consumer key and secret, and the
/// portal makes its own webhook secret as when the site is connected by hand.
/// </summary>
public sealed class StoreCredentialsConfiguration
{
    public SecretReference? AccessToken { get; set; }
    public SecretReference? AppSecret { get; set; }

    /// <summary>The client id of the merchant's Shopify app when it was installed through OAuth; not a secret.</summary>
    public string? ClientId { get; set; }

    public SecretReference? ConsumerKey { get; set; }
    public SecretReference? ConsumerSecret { get; set; }
}
