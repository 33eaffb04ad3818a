using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>Makes a <see cref="ShopifyStoreClient"/> for a Shopify store connection; clients of one shop share its rate-limit bucket.</summary>
public sealed class ShopifyStoreClients(
    IHttpClientFactory httpClients, ShopifyThrottles throttles, IOptions<ShopifyOptions> options, IOptions<StoresOptions> stores, TimeProvider time)
    : IStorePlatformClients
{
    public StorePlatform Platform => StorePlatform.Shopify;

    IStoreClient IStorePlatformClients.Create(StoreConnection connection) => Create(connection);

    public ShopifyStoreClient Create(StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = options.Value;
        var shop = ShopifyShop.TryParse(connection.Address, stores.Value.AllowLoopbackAddresses)
            ?? throw new StoreApiException(StoreApiErrorKind.Configuration, ShopifyShop.Explain(connection.Address));
        ShopifyCredentials credentials;
        try
        {
            credentials = ShopifyCredentials.FromJson(connection.CredentialsJson);
        }
        catch (JsonException)
        {
            throw new StoreApiException(StoreApiErrorKind.Configuration, $"The Shopify credentials of {shop} cannot be read: connect the store again.");
        }

        if (string.IsNullOrWhiteSpace(credentials.AccessToken))
        {
            throw new StoreApiException(StoreApiErrorKind.Authentication, $"The Shopify store {shop} has no access token: connect the store again.");
        }

        var graphQl = new ShopifyGraphQlClient(httpClients.CreateClient(ShopifyGraphQlClient.HttpClientName), shop, credentials.AccessToken, throttles, settings, time);
        return new ShopifyStoreClient(graphQl, settings);
    }
}
