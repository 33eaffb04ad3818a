using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>A Shopify shop as <see cref="IStoreInventory"/>, through the Admin GraphQL API.</summary>
internal sealed class ShopifyInventory(ShopifyGraphQlClient graphQl) : IStoreInventory
{
    private ShopifyGraphQlClient GraphQl { get; } = graphQl;
}
