using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>Makes the client of a WooCommerce store from its connection; all clients share the per-site quirks learned so far.</summary>
public sealed class WooCommerceStoreClients(IHttpClientFactory httpClients, IOptions<WooCommerceOptions> options, IOptions<StoresOptions> stores, WooCommerceSiteQuirks quirks)
    : IStorePlatformClients
{
    public StorePlatform Platform => StorePlatform.WooCommerce;

    IStoreClient IStorePlatformClients.Create(StoreConnection connection) => Create(connection);

    public WooCommerceStoreClient Create(StoreConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Platform != StorePlatform.WooCommerce)
        {
            throw new ArgumentException($"{connection} is not a WooCommerce store.", nameof(connection));
        }

        var settings = options.Value;
        var site = WooCommerceSite.For(connection, stores.Value.AllowLoopbackAddresses);
        return new WooCommerceStoreClient(
            new WooCommerceRestClient(httpClients.CreateClient(WooCommerceHttp.ClientName), site, Credentials(connection), quirks, settings));
    }

    private static WooCommerceCredentials Credentials(StoreConnection connection)
    {
        WooCommerceCredentials? credentials;
        try
        {
            credentials = WooCommerceCredentials.FromJson(connection.CredentialsJson);
        }
        catch (JsonException)
        {
            credentials = null;
        }

        return credentials is { ConsumerKey.Length: > 0, ConsumerSecret.Length: > 0 }
            ? credentials
            : throw new StoreApiException(StoreApiErrorKind.Configuration, "The store's WooCommerce key is missing or unreadable: enter the consumer key and secret again.");
    }
}
