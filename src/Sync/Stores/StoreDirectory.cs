using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Jobs;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Tenancy;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Stores;

/// <summary>
/// The active tenant's stores: connect (credentials tested before anything is saved, then encrypted),
/// enable, disable and remove. Connecting again with the same address replaces the credentials.
/// </summary>
public sealed class StoreDirectory(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    SecretProtector secrets,
    StoreClients clients,
    JobStore jobs,
    IValidator<ShopifyStoreForm> shopifyValidator,
    IValidator<WooCommerceStoreForm> wooCommerceValidator,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<StoreSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stores.Where(s => s.RemovedAt == null).OrderBy(s => s.Name)
            .Select(s => new StoreSummary(s.Id, s.Name, s.Platform, s.Address, s.Enabled, s.ProtectedCredentials != null, s.Features, s.ProductDirection, s.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One store of the active tenant, or null when it does not exist here or was removed.</summary>
    public async Task<StoreSummary?> GetAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stores.Where(s => s.Id == storeId && s.RemovedAt == null)
            .Select(s => new StoreSummary(s.Id, s.Name, s.Platform, s.Address, s.Enabled, s.ProtectedCredentials != null, s.Features, s.ProductDirection, s.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<StoreConnectResult> ConnectShopifyAsync(ShopifyStoreForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await shopifyValidator.ValidateAndThrowAsync(form, cancellationToken);
        var credentials = new ShopifyCredentials(form.AccessToken.Trim()).ToJson();
        return await ConnectAsync(StorePlatform.Shopify, form.Name.Trim(), StoreAddresses.NormalizeShop(form.Shop), credentials, form.AppSecret.Trim(), false, cancellationToken);
    }

    /// <summary>Connects a shop with the offline token an OAuth install of the merchant's app just gave; see <see cref="ShopifyInstalls"/>.</summary>
    public Task<StoreConnectResult> ConnectInstalledShopifyAppAsync(
        string name, string shop, ShopifyCredentials credentials, string clientSecret, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        return ConnectAsync(StorePlatform.Shopify, name, shop, credentials.ToJson(), clientSecret, false, cancellationToken);
    }

    public async Task<StoreConnectResult> ConnectWooCommerceAsync(WooCommerceStoreForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await wooCommerceValidator.ValidateAndThrowAsync(form, cancellationToken);
        var credentials = new WooCommerceCredentials(form.ConsumerKey.Trim(), form.ConsumerSecret.Trim()).ToJson();
        return await ConnectAsync(StorePlatform.WooCommerce, form.Name.Trim(), StoreAddresses.NormalizeSite(form.SiteUrl), credentials, null,
            form.AllowInsecureHttp, cancellationToken);
    }

    public async Task SetEnabledAsync(Guid storeId, bool enabled, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await FindAsync(db, storeId, cancellationToken);
        if (store.Enabled == enabled)
        {
            return;
        }

        store.Enabled = enabled;
        store.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, enabled ? "store.enabled" : "store.disabled", store.Name);
        await db.SaveChangesAsync(cancellationToken);
        if (enabled && store.ProtectedCredentials is not null)
        {
            await jobs.EnqueueAsync(store.TenantId, SubscriptionSyncFlow.Request(store.Id, store.Name, $"enabled-{store.UpdatedAt.UtcTicks}"), cancellationToken);
        }
    }

    /// <summary>Stops the store at once (no webhooks, no polls); a job then deletes its subscriptions on the platform and the store itself.</summary>
    public async Task RemoveAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await FindAsync(db, storeId, cancellationToken);
        store.Enabled = false;
        store.RemovedAt = clock.GetUtcNow();
        audit.Record(db, "store.removal-requested", store.Name, $"{store.Platform} {store.Address}");
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(store.TenantId, StoreRemovalFlow.Request(store.Id, store.Name), cancellationToken);
    }

    private async Task<StoreConnectResult> ConnectAsync(
        StorePlatform platform, string name, string address, string credentialsJson, string? appSecret, bool allowInsecureHttp, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Platform == platform && s.Address == address && s.RemovedAt == null, cancellationToken);
        var storeId = store?.Id ?? Guid.CreateVersion7();

        StoreDescription description;
        try
        {
            description = await clients.For(new StoreConnection(storeId, platform, address, credentialsJson, allowInsecureHttp)).DescribeAsync(cancellationToken);
        }
        catch (StoreApiException ex)
        {
            return StoreConnectResult.Failed(ex.Message);
        }

        var now = clock.GetUtcNow();
        if (store is null)
        {
            store = new Store { Id = storeId, Platform = platform, Name = name, Address = address, CreatedAt = now };
            db.Stores.Add(store);
        }

        store.Name = name;
        store.Enabled = true;
        store.AllowInsecureHttp = allowInsecureHttp;
        store.ProtectedCredentials = secrets.Protect(credentialsJson);
        if (appSecret is not null)
        {
            StoreWebhookSecrets.Rotate(store, secrets.Protect(appSecret), now);
        }
        else
        {
            StoreWebhookSecrets.EnsureOwn(store, secrets);
        }

        store.UpdatedAt = now;
        audit.Record(db, "store.connected", name, $"{platform} {address}: {description.Name} ({description.Currency}); access: {string.Join(", ", description.Access)}");
        await db.SaveChangesAsync(cancellationToken);

        await jobs.EnqueueAsync(store.TenantId, SubscriptionSyncFlow.Request(store.Id, store.Name, $"connected-{now.UtcTicks}"), cancellationToken);
        return new StoreConnectResult(store.Id, true, $"Connected to {description.Name} ({description.Currency}).");
    }

    private static async Task<Store> FindAsync(PortalDbContext db, Guid storeId, CancellationToken cancellationToken) =>
        await db.Stores.SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken)
        ?? throw new KeyNotFoundException($"No store {storeId} in this tenant.");
}
