using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Health;
using Portal.Sync.Jobs;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>A connected store's connection as its Connection and Monitor tabs use it: what is set, a test, and its webhooks registered again.</summary>
public sealed class StoreConnections(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, ConnectionChecks checks, JobStore jobs, AuditLog audit, TimeProvider clock)
{
    public async Task<StoreConnectionInfo> GetAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var now = clock.GetUtcNow();
        return new StoreConnectionInfo(store.ProtectedCredentials is not null, store.ProtectedWebhookSecret is not null,
            store.ProtectedPreviousWebhookSecret is not null && store.PreviousWebhookSecretValidUntil > now ? store.PreviousWebhookSecretValidUntil : null);
    }

    /// <summary>Asks the store who it is with the saved credentials, the way the flows do; the health page shows the result too, as after its "Check now".</summary>
    public async Task<HealthCheck> TestAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.OperateJobs);
        return await checks.CheckStoreAsync(tenantId, storeId, cancellationToken)
               ?? throw new InvalidOperationException("The store has no API credentials yet: connect it again.");
    }

    /// <summary>Queues the subscription check, which registers what is missing and repairs what the platform disabled; says what was queued.</summary>
    public async Task<string> RegisterWebhooksAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        if (store.ProtectedCredentials is null || !store.Enabled)
        {
            throw new InvalidOperationException($"{store.Name} must be connected and enabled before its webhooks can be registered.");
        }

        audit.Record(db, "store.webhooks-requested", store.Name);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(tenantId, SubscriptionSyncFlow.Request(store.Id, store.Name, $"requested-{clock.GetUtcNow().UtcTicks}"), cancellationToken);
        return $"Queued a {SubscriptionSyncFlow.Name} job: it registers {store.Name}'s missing webhooks and repairs the ones the platform disabled.";
    }
}
