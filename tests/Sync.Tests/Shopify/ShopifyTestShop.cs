using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Fakes.Shopify;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Shopify;

/// <summary>A fake Shopify shop and the connector's Shopify services pointed at it, on one skipping clock.</summary>
internal sealed class ShopifyTestShop : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private ShopifyTestShop(FakeShopifyServer server, SkippingClock clock, IReadOnlyDictionary<string, string?>? settings)
    {
        Server = server;
        Clock = clock;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Stores:AllowLoopbackAddresses"] = "true",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddShopify()
            .AddOptions<StoresOptions>().BindConfiguration("Stores").Services
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeShopifyServer Server { get; }

    public SkippingClock Clock { get; }

    public IServiceProvider Services => services;

    public ShopifyStoreClients Clients => services.GetRequiredService<ShopifyStoreClients>();

    public ShopifyOAuth OAuth => services.GetRequiredService<ShopifyOAuth>();

    public static async Task<ShopifyTestShop> StartAsync(double maximumAvailable = 2000, double restoreRate = 100, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new SkippingClock();
        return new ShopifyTestShop(await FakeShopifyServer.StartAsync(clock, maximumAvailable, restoreRate), clock, settings);
    }

    public StoreConnection Connection(string? accessToken = null) =>
        new(Guid.NewGuid(), StorePlatform.Shopify, Server.Url.ToString(), new ShopifyCredentials(accessToken ?? Server.AccessToken).ToJson(), AllowInsecureHttp: false);

    public ShopifyStoreClient Client(string? accessToken = null) => Clients.Create(Connection(accessToken));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
