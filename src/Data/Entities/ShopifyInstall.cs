namespace Portal.Data.Entities;

/// <summary>
/// An OAuth install a person started and Shopify has not yet called back for. Its random <see cref="Id"/> is
/// the OAuth state; the app's client secret waits here encrypted (never in the URL) to check the callback's
/// signature and exchange its code. Only the person who started it can finish it, before it expires.
/// </summary>
public class ShopifyInstall : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string StoreName { get; set; }

    /// <summary>The shop as the store will be kept: "my-shop.myshopify.com".</summary>
    public required string Shop { get; set; }

    public required string ClientId { get; set; }
    public required string ProtectedClientSecret { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
