using Portal.Data.Entities;

namespace Portal.Sync.Stores;

/// <summary>
/// What a platform client needs to reach one store: its address and its decrypted credentials document
/// (<see cref="Shopify.ShopifyCredentials"/> or <see cref="WooCommerce.WooCommerceCredentials"/> as JSON).
/// </summary>
public sealed record StoreConnection(Guid StoreId, StorePlatform Platform, string Address, string CredentialsJson, bool AllowInsecureHttp)
{
    // The credentials are secret: a record's generated ToString would print them into logs and exceptions.
    public override string ToString() => $"{Platform} store {StoreId} at {Address}";
}
