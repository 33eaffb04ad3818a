using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Auditing;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>
/// Finishes removing a store a person removed: deletes its webhook subscriptions on the platform, then the
/// store with everything kept for it. A store that no longer accepts its credentials (Shopify drops an
/// uninstalled app's subscriptions itself) has nothing left to delete there.
/// </summary>
public sealed class StoreRemovalFlow(PortalDbContextActivator activator, StoreClients clients, TimeProvider clock) : IJobHandler
{
    public const string Name = "store.remove";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string storeName) =>
        new(Name, $"Remove {storeName}", $"store:{storeId}", $"remove:{storeId}", StoreId: storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var system = TenantContext.SystemFor(job.TenantId);
        await using var db = activator.Create(system);
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == job.StoreId && s.RemovedAt != null, cancellationToken);
        if (store is null)
        {
            return;
        }

        var outcome = "its webhook subscriptions were deleted";
        if (store.ProtectedCredentials is null)
        {
            outcome = "it was never connected";
        }
        else
        {
            try
            {
                var client = clients.For(store);
                foreach (var webhook in (await client.WebhooksAsync(cancellationToken)).Where(w => WebhookAddresses.IsOurs(w.Address, store.Platform, store.Id)))
                {
                    await client.DeleteWebhookAsync(webhook.Id, cancellationToken);
                }
            }
            catch (StoreApiException ex) when (ex.Kind is StoreApiErrorKind.Authentication)
            {
                outcome = "the store no longer accepts its credentials, so nothing was left to delete there";
            }
        }

        db.Stores.Remove(store);
        new AuditLog(system, clock).Record(db, "store.removed", store.Name, $"{store.Platform} {store.Address}: {outcome}.");
        await db.SaveChangesAsync(cancellationToken);
    }
}
