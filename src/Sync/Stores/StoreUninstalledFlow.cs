using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Auditing;
using Portal.Sync.Health;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>
/// Shopify's "app/uninstalled": the access token is dead and the subscriptions are gone. The store is
/// disabled (its jobs would only fail) and the health page says how to reconnect; its settings and links
/// stay, so installing the app again resumes where it stopped.
/// </summary>
public sealed class StoreUninstalledFlow(PortalDbContextActivator activator, ConnectionChecks checks, TimeProvider clock) : IJobHandler
{
    public const string Name = "store.uninstalled";

    public string Flow => Name;

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var system = TenantContext.SystemFor(job.TenantId);
        await using var db = activator.Create(system);
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == job.StoreId, cancellationToken);
        if (store is null || store.ProtectedCredentials is null)
        {
            return;
        }

        store.Enabled = false;
        store.ProtectedCredentials = null;
        store.UpdatedAt = clock.GetUtcNow();
        await db.WebhookSubscriptions.Where(s => s.StoreId == store.Id).ExecuteDeleteAsync(cancellationToken);
        new AuditLog(system, clock).Record(db, "store.uninstalled", store.Name, "Shopify reported that the app was uninstalled; the store was disabled.");
        await checks.RecordStoreProblemAsync(db, store.Id,
            $"{store.Name}: the app was uninstalled from {store.Address}. Install it again from the Stores page to reconnect.", cancellationToken);
    }
}
