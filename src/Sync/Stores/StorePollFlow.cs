using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>
/// The safety net under webhooks (WooCommerce never resends a failed delivery; Shopify gives up after
/// eight): lists the orders a store changed since the cursor, less an overlap window, and enqueues each
/// change and each refund. Identity keys make what the overlap or a webhook already enqueued a no-op. The
/// cursor only moves to change times the store reported, page by page, so a crash repeats at most a page.
/// </summary>
public sealed class StorePollFlow(PortalDbContextActivator activator, StoreClients clients, JobStore jobs, IOptions<StoresOptions> options, TimeProvider clock)
    : IJobHandler
{
    public const string Name = "store.poll";
    public const string OrdersStream = "orders";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string storeName, string occasion) =>
        new(Name, $"Poll {storeName} for changes", $"store-poll:{storeId}", $"poll:{storeId}:{occasion}", StoreId: storeId, Priority: -1);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId, cancellationToken);
        if (store is null || store.RemovedAt is not null || !store.Enabled || store.ProtectedCredentials is null)
        {
            return;
        }

        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.StoreId == store.Id && c.Stream == OrdersStream, cancellationToken);
        if (cursor is null)
        {
            // A new store's history is imported on request, not by the first poll.
            cursor = new SyncCursor { TenantId = store.TenantId, StoreId = store.Id, Stream = OrdersStream, Position = store.CreatedAt };
            db.SyncCursors.Add(cursor);
        }

        var client = clients.For(store);
        var since = cursor.Position - options.Value.PollOverlap;
        string? page = null;
        do
        {
            var changes = await client.OrdersChangedSinceAsync(since, page, cancellationToken);
            foreach (var order in changes.Items)
            {
                await StoreChangeJobs.EnqueueAsync(jobs, store, order, cancellationToken);

                if (order.UpdatedAt > cursor.Position)
                {
                    cursor.Position = order.UpdatedAt;
                }
            }

            cursor.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            page = changes.NextCursor;
        }
        while (page is not null);
    }
}
