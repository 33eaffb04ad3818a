using System.Text;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Webhooks;

/// <summary>The real portal on 127.0.0.1 with one tenant's Shopify shop, WooCommerce site, disabled shop and removed shop.</summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    public const string ShopifySecret = "test_secret_key";
    public const string WooCommerceSecret = "woo-webhook-secret";
    public const long MaxBodyBytes = 64 * 1024;

    public PortalTestHost Host { get; private set; } = default!;
    public Guid TenantId { get; private set; }
    public Guid ShopifyStore { get; private set; }
    public Guid WooCommerceStore { get; private set; }
    public Guid DisabledStore { get; private set; }
    public Guid RemovedStore { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await PortalTestHost.StartAsync(new Dictionary<string, string?> { ["Webhooks:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        TenantId = await Host.AddTenantAsync("Alpha");
        ShopifyStore = await AddStoreAsync(StorePlatform.Shopify, "alpha.myshopify.com", ShopifySecret, enabled: true);
        WooCommerceStore = await AddStoreAsync(StorePlatform.WooCommerce, "https://shop.alpha.test", WooCommerceSecret, enabled: true);
        DisabledStore = await AddStoreAsync(StorePlatform.Shopify, "old-alpha.myshopify.com", ShopifySecret, enabled: false);
        RemovedStore = await AddStoreAsync(StorePlatform.Shopify, "gone-alpha.myshopify.com", ShopifySecret, enabled: true, removedAt: DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public HttpClient NewClient() => new() { BaseAddress = Host.BaseAddress };

    public PortalDbContext Database() => Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(TenantId));

    private async Task<Guid> AddStoreAsync(StorePlatform platform, string address, string secret, bool enabled, DateTimeOffset? removedAt = null)
    {
        await using var db = Database();
        var store = new Store
        {
            Platform = platform,
            Name = address,
            Address = address,
            Enabled = enabled,
            RemovedAt = removedAt,
            ProtectedWebhookSecret = Host.Services.GetRequiredService<SecretProtector>().Protect(secret),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        return store.Id;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
