using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>A Shopify shop as <see cref="IStoreCatalogue"/>, through the Admin GraphQL API.</summary>
internal sealed class ShopifyCatalogue(ShopifyGraphQlClient graphQl) : IStoreCatalogue
{
    private ShopifyGraphQlClient GraphQl { get; } = graphQl;
}
