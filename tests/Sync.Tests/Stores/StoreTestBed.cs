using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

namespace Portal.Sync.Tests.Stores;

/// <summary>A tenant with the Sync services, whose Shopify and WooCommerce stores are <see cref="InMemoryStore"/>s.</summary>
internal sealed class StoreTestBed : IAsyncDisposable
{
    public const string ShopifyToken = """{"accessToken":"shpat_good","clientId":null}""";
    public const string WooCommerceKey = """{"consumerKey":"ck_good","consumerSecret":"cs_good"}""";

    private StoreTestBed(SyncTestHost host, Guid tenantId, InMemoryStore shopify, InMemoryStore wooCommerce)
    {
        Host = host;
        TenantId = tenantId;
        Shopify = shopify;
        WooCommerce = wooCommerce;
    }

    public SyncTestHost Host { get; }
    public Guid TenantId { get; }
    public InMemoryStore Shopify { get; }
    public InMemoryStore WooCommerce { get; }

    public static async Task<StoreTestBed> StartAsync(Action<StoresOptions>? options = null)
    {
        var shopify = new InMemoryStore(StorePlatform.Shopify) { AcceptedCredentials = ShopifyToken };
        var wooCommerce = new InMemoryStore(StorePlatform.WooCommerce) { AcceptedCredentials = WooCommerceKey };
        var host = await SyncTestHost.StartAsync(services =>
        {
            services.RemoveAll<IStorePlatformClients>();
            services.AddSingleton<IStorePlatformClients>(shopify);
            services.AddSingleton<IStorePlatformClients>(wooCommerce);
            services.Configure<StoresOptions>(o =>
            {
                o.PublicBaseUrl = new Uri("https://portal.example.com/");
                options?.Invoke(o);
            });
        });
        return new StoreTestBed(host, await host.AddTenantAsync("Alpha"), shopify, wooCommerce);
    }

    public async Task<Guid> ConnectShopifyAsync(string shop = "alpha", string name = "Alpha EU")
    {
        await using var scope = Host.ScopeFor(TenantId, TenantRole.Owner);
        var result = await scope.ServiceProvider.GetRequiredService<StoreDirectory>().ConnectShopifyAsync(new ShopifyStoreForm
        {
            Name = name,
            Shop = shop,
            AccessToken = "shpat_good",
            AppSecret = "app-secret",
        });
        Assert.True(result.Connected, result.Message);
        return result.StoreId!.Value;
    }

    public async Task<Guid> ConnectWooCommerceAsync(string site = "https://wholesale.example.com")
    {
        await using var scope = Host.ScopeFor(TenantId, TenantRole.Owner);
        var result = await scope.ServiceProvider.GetRequiredService<StoreDirectory>().ConnectWooCommerceAsync(new WooCommerceStoreForm
        {
            Name = "Wholesale",
            SiteUrl = site,
            ConsumerKey = "ck_good",
            ConsumerSecret = "cs_good",
        });
        Assert.True(result.Connected, result.Message);
        return result.StoreId!.Value;
    }

    public Task<int> RunJobsAsync() => Host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);

    public async Task<List<Job>> JobsAsync(string flow)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await db.Jobs.IgnoreQueryFilters().Where(j => j.Flow == flow).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).ToListAsync();
    }

    public async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
