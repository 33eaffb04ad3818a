using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data.Entities;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>
/// The WooCommerce clients as the portal registers them, against a fake on plain-HTTP loopback: treated as HTTPS
/// (Basic auth) unless a test asks for the plain-HTTP behaviour, with short retry delays.
/// </summary>
internal sealed class WooCommerceTestClients : IDisposable
{
    private readonly ServiceProvider services;

    public WooCommerceTestClients(TimeProvider? time = null, bool loopbackIsSecure = true, IReadOnlyDictionary<string, string?>? settings = null,
        ILoggerProvider? logs = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["WooCommerce:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var collection = new ServiceCollection()
            .AddLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services = collection.AddWooCommerce()
            .Configure<StoresOptions>(stores => stores.AllowLoopbackAddresses = loopbackIsSecure)
            .BuildServiceProvider();
    }

    public IServiceProvider Services => services;

    public WooCommerceStoreClients Factory => services.GetRequiredService<WooCommerceStoreClients>();

    public WooCommerceStoreClient For(FakeWooCommerceServer fake, FakeWooCommerceKey? key = null, bool allowInsecureHttp = false) =>
        Factory.Create(Connection(fake.Url.AbsoluteUri, key ?? fake.ReadWriteKey, allowInsecureHttp));

    /// <summary>The REST client beneath a store client, for what the store client does not expose (batches of any resource, raw reads).</summary>
    internal WooCommerceRestClient Rest(FakeWooCommerceServer fake, FakeWooCommerceKey? key = null, string? address = null)
    {
        var options = services.GetRequiredService<IOptions<WooCommerceOptions>>().Value;
        var connection = Connection(address ?? fake.Url.AbsoluteUri, key ?? fake.ReadWriteKey);
        return new WooCommerceRestClient(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(WooCommerceHttp.ClientName),
            WooCommerceSite.For(connection, services.GetRequiredService<IOptions<StoresOptions>>().Value.AllowLoopbackAddresses),
            WooCommerceCredentials.FromJson(connection.CredentialsJson),
            services.GetRequiredService<WooCommerceSiteQuirks>(),
            options);
    }

    public static StoreConnection Connection(string address, FakeWooCommerceKey key, bool allowInsecureHttp = false) =>
        new(Guid.NewGuid(), StorePlatform.WooCommerce, address, new WooCommerceCredentials(key.ConsumerKey, key.ConsumerSecret).ToJson(), allowInsecureHttp);

    public void Dispose() => services.Dispose();
}
