namespace Portal.Data.Entities;

/// <summary>
/// One Shopify shop or WooCommerce site of a tenant. Secrets are stored only as Data Protection ciphertext;
/// after the webhook secret is replaced, the previous one is accepted until <see cref="PreviousWebhookSecretValidUntil"/>,
/// because the platform may go on signing with it for a while.
/// </summary>
public class Store : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public StorePlatform Platform { get; set; }
    public required string Name { get; set; }

    /// <summary>The shop domain ("alpha.myshopify.com") or the site's address ("https://shop.example.com").</summary>
    public required string Address { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The platform's API credentials as one Data Protection ciphertext of a JSON document whose shape the
    /// platform's adapter owns (Shopify: access token and app client id; WooCommerce: consumer key and secret).
    /// </summary>
    public string? ProtectedCredentials { get; set; }

    /// <summary>WooCommerce over plain HTTP signs requests with OAuth 1.0a, which only this explicit consent allows.</summary>
    public bool AllowInsecureHttp { get; set; }

    public StoreFeatures Features { get; set; } = StoreFeatures.Default;
    public ProductDirection ProductDirection { get; set; } = ProductDirection.OdooToStore;

    /// <summary>Where alerts about this store's failed and parked jobs are emailed; null sends none.</summary>
    public string? NotificationEmail { get; set; }

    /// <summary>Set when a person removed the store: it takes no more webhooks while a job removes its subscriptions.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
    public string? ProtectedWebhookSecret { get; set; }
    public string? ProtectedPreviousWebhookSecret { get; set; }
    public DateTimeOffset? PreviousWebhookSecretValidUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
