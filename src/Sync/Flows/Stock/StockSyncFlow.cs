using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Stock;

/// <summary>
/// Pushes Odoo's stock changes to one store: the products whose quants or moves changed since the store's cursor
/// (less an overlap), their quantities under the store's rule, set only where the last known store quantity differs.
/// The levels and the cursor are saved after the push, so a crash re-pushes (harmless: same quantities, same
/// idempotency keys) and never skips; a refused write leaves the cursor, so it is tried again. A store with links but no levels yet gets a reconciliation, which creates them.
/// </summary>
public sealed class StockSyncFlow(PortalDbContextActivator activator, StoreClients stores, TenantOdoo tenants, IOptions<StockOptions> options, TimeProvider clock)
    : IJobHandler
{
    public const string Name = "stock.sync";
    public const string CursorStream = "odoo.stock";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, string storeName, string slot) =>
        new(Name, $"Stock of {storeName}", StockStores.SubjectKey(storeId), StockStores.SlotKey(storeId, Name, slot), "{}", storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        if (job.StoreId is not { } storeId || await StockStores.LoadAsync(db, storeId, cancellationToken) is not var (store, settings, mappings))
        {
            return;
        }

        var levels = await db.StockLevels.Where(l => l.StoreId == storeId).ToListAsync(cancellationToken);
        if (levels.Count == 0)
        {
            if (await db.RecordLinks.AnyAsync(l => l.StoreId == storeId && l.Kind == RecordLinkKind.Variant, cancellationToken))
            {
                job.Effects.Enqueue(StockReconcileFlow.Request(storeId, store.Name, runId: null, $"first-{job.Id}"));
            }

            return;
        }

        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.StoreId == storeId && c.Stream == CursorStream, cancellationToken);
        var odoo = new OdooStock(await tenants.ClientAsync(job.TenantId, cancellationToken));
        var changes = await odoo.ChangesSinceAsync(cursor is null ? DateTimeOffset.UnixEpoch : cursor.Position - options.Value.PollOverlap, cancellationToken);
        var changed = levels.Where(l => changes.ProductIds.Contains(l.OdooProductId)).ToList();
        var now = clock.GetUtcNow();
        var pushed = changed.Count == 0
            ? StockPushResult.None
            : await new StockPush(odoo, stores.For(store).Inventory, settings, mappings).PushAsync(changed, $"{Name}:{job.Id}", now, cancellationToken);

        // A write the store refused keeps the cursor where it was, so the next poll tries those items again.
        if (pushed.Failed == 0 && changes.Position is { } position && (cursor is null || position > cursor.Position))
        {
            if (cursor is null)
            {
                db.SyncCursors.Add(cursor = new SyncCursor { TenantId = job.TenantId, StoreId = storeId, Stream = CursorStream });
            }

            cursor.Position = position;
            cursor.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
