using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>
/// Makes a store's webhook subscriptions what its features need, and records what it found: a needed topic
/// missing, disabled by the platform or pointing at an old address is registered again ("repaired"); one
/// of ours that no feature needs any more is removed. Subscriptions of other apps are never touched.
/// </summary>
public sealed class SubscriptionSyncFlow(
    PortalDbContextActivator activator,
    StoreClients clients,
    SecretProtector secrets,
    WebhookAddresses addresses,
    IEnumerable<ISubscriptionTopics> topicPlans,
    TimeProvider clock) : IJobHandler
{
    public const string Name = "store.subscriptions";

    private readonly Dictionary<StorePlatform, ISubscriptionTopics> plans = topicPlans.ToDictionary(p => p.Platform);

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string storeName, string occasion) =>
        new(Name, $"Webhook subscriptions of {storeName}", $"store:{storeId}", $"subscriptions:{storeId}:{occasion}", StoreId: storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == job.StoreId, cancellationToken);
        if (store is null || store.RemovedAt is not null || !store.Enabled)
        {
            return;
        }

        if (!addresses.Configured)
        {
            throw new JobConfigurationException(
                "Stores:PublicBaseUrl is not set, so no store can be told where to send webhooks (polling still finds every change). Set it to the portal's public https address.",
                "health");
        }

        var client = clients.For(store);
        var address = addresses.For(store.Platform, store.Id);
        var needed = plans[store.Platform].For(store.Features, store.ProductDirection);
        var ours = (await client.WebhooksAsync(cancellationToken)).Where(w => WebhookAddresses.IsOurs(w.Address, store.Platform, store.Id)).ToList();
        var recorded = await db.WebhookSubscriptions.Where(s => s.StoreId == store.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();

        foreach (var stale in ours.Where(w => !needed.Contains(w.Topic, StringComparer.OrdinalIgnoreCase)))
        {
            await client.DeleteWebhookAsync(stale.Id, cancellationToken);
        }

        db.WebhookSubscriptions.RemoveRange(recorded.Where(r => !needed.Contains(r.Topic, StringComparer.OrdinalIgnoreCase)));

        foreach (var topic in needed)
        {
            var row = recorded.SingleOrDefault(r => string.Equals(r.Topic, topic, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                row = new WebhookSubscription { TenantId = store.TenantId, StoreId = store.Id, Topic = topic, Address = address.AbsoluteUri };
                db.WebhookSubscriptions.Add(row);
            }

            await ReconcileAsync(client, row, ours.Where(w => string.Equals(w.Topic, topic, StringComparison.OrdinalIgnoreCase)).ToList(), address, store, cancellationToken);
            row.CheckedAt = now;
        }

        // Saved per run, not per topic: the next run starts again from what the platform reports.
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ReconcileAsync(
        IStoreClient client, WebhookSubscription row, List<RemoteWebhook> existing, Uri address, Store store, CancellationToken cancellationToken)
    {
        var working = existing.FirstOrDefault(w => w.Active && w.Address == address);
        foreach (var broken in existing.Where(w => w != working))
        {
            await client.DeleteWebhookAsync(broken.Id, cancellationToken);
        }

        if (working is not null)
        {
            (row.RemoteId, row.Address, row.Status, row.Problem) = (working.Id, address.AbsoluteUri, WebhookSubscriptionStatus.Active, null);
            return;
        }

        var firstRegistration = row.RemoteId is null && row.Status != WebhookSubscriptionStatus.Failed && existing.Count == 0;
        try
        {
            var created = await client.CreateWebhookAsync(row.Topic, address, WebhookSecret(store), cancellationToken);
            (row.RemoteId, row.Address, row.Problem) = (created.Id, address.AbsoluteUri, null);
            row.Status = firstRegistration ? WebhookSubscriptionStatus.Active : WebhookSubscriptionStatus.Repaired;
        }
        catch (StoreApiException ex) when (ex.Kind is StoreApiErrorKind.Validation)
        {
            (row.RemoteId, row.Status, row.Problem) = (null, WebhookSubscriptionStatus.Failed, ex.Message);
        }
    }

    private string WebhookSecret(Store store) =>
        store.ProtectedWebhookSecret is { } secret
            ? secrets.Unprotect(secret)
            : throw new JobConfigurationException($"The store '{store.Name}' has no webhook secret: connect it again.", "stores");
}
