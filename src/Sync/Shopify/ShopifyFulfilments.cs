using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>A Shopify shop as <see cref="IStoreFulfilments"/>, through the Admin GraphQL API.</summary>
internal sealed class ShopifyFulfilments(ShopifyGraphQlClient graphQl) : IStoreFulfilments
{
    private ShopifyGraphQlClient GraphQl { get; } = graphQl;
}
