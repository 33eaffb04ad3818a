using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Stock;

/// <summary>
/// Compares every linked variant's store stock with Odoo and fixes the drift, as a <see cref="SyncRun"/> whose
/// Total and Processed drive the progress bar. The store's items at each mapped location are listed first; each
/// one linked to an Odoo product (by variant id, or by SKU for links order import made) gets or refreshes its
/// <see cref="StockLevel"/> with the quantity read; then Odoo's quantities are read in batches and the differing
/// ones set, the run's counts saved after each batch.
/// </summary>
public sealed class StockReconcileFlow(PortalDbContextActivator activator, StoreClients stores, TenantOdoo tenants, TimeProvider clock) : IJobHandler
{
    public const string Name = "stock.reconcile";

    public string Flow => Name;

    /// <param name="runId">The run a person started (already shown to them), or null for the schedule's own.</param>
    public static JobRequest Request(Guid storeId, string storeName, Guid? runId, string identity) =>
        new(Name, $"Stock reconciliation of {storeName}", StockStores.SubjectKey(storeId), StockStores.SlotKey(storeId, Name, identity),
            new JsonObject { ["runId"] = runId?.ToString() }.ToJsonString(), storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        if (job.StoreId is not { } storeId || await StockStores.LoadAsync(db, storeId, cancellationToken) is not var (store, settings, mappings))
        {
            return;
        }

        var run = await RunOfAsync(db, job, storeId, cancellationToken);
        try
        {
            var levels = await ListLevelsAsync(db, store, mappings, cancellationToken);
            run.Total = levels.Count;
            await db.SaveChangesAsync(cancellationToken);

            var push = new StockPush(new OdooStock(await tenants.ClientAsync(job.TenantId, cancellationToken)), stores.For(store).Inventory, settings, mappings);
            var result = StockPushResult.None;
            var batches = levels.Chunk(StockPush.ProductsPerRead).ToList();
            for (var batch = 0; batch < batches.Count; batch++)
            {
                result = result.Add(await push.PushAsync(batches[batch], $"{Name}:{job.Id}:{batch}", clock.GetUtcNow(), cancellationToken));
                run.Processed += batches[batch].Length;
                run.Changed = result.Fixed;
                run.Problems = result.Failed;
                await db.SaveChangesAsync(cancellationToken);
            }

            Finish(run, SyncRunState.Succeeded, Summary(levels.Count, result));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Finish(run, SyncRunState.Failed, error.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    public static string Summary(int total, StockPushResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var wrong = result.Differing == 1 ? "1 was wrong" : string.Create(CultureInfo.InvariantCulture, $"{result.Differing:N0} were wrong");
        var outcome = result.Failed == 0
            ? result.Differing == 1 ? "was fixed" : "were fixed"
            : string.Create(CultureInfo.InvariantCulture, $"{result.Fixed:N0} were fixed and {result.Failed:N0} could not be set");
        return string.Create(CultureInfo.InvariantCulture, $"{total:N0} variants checked, {wrong} and {outcome}.");
    }

    private async Task<SyncRun> RunOfAsync(PortalDbContext db, ClaimedJob job, Guid storeId, CancellationToken cancellationToken)
    {
        var runId = JsonNode.Parse(job.Payload)?["runId"]?.GetValue<string>() is { } text ? Guid.Parse(text) : (Guid?)null;
        var run = runId is { } id ? await db.SyncRuns.SingleOrDefaultAsync(r => r.Id == id && r.StoreId == storeId, cancellationToken) : null;
        if (run is null)
        {
            run = new SyncRun { Id = runId ?? Guid.CreateVersion7(), TenantId = job.TenantId, StoreId = storeId, Kind = SyncRunKind.StockReconciliation, StartedAt = clock.GetUtcNow() };
            db.SyncRuns.Add(run);
        }

        (run.State, run.Total, run.Processed, run.Changed, run.Problems, run.Summary, run.FinishedAt) = (SyncRunState.Running, 0, 0, 0, 0, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>The levels of every linked item the store lists at its mapped locations, created or refreshed with the quantities read.</summary>
    private async Task<List<StockLevel>> ListLevelsAsync(PortalDbContext db, Store store, IReadOnlyList<LocationMapping> mappings, CancellationToken cancellationToken)
    {
        var links = await db.RecordLinks.AsNoTracking()
            .Where(l => l.StoreId == store.Id && l.Kind == RecordLinkKind.Variant && l.OdooModel == "product.product")
            .ToDictionaryAsync(l => l.StoreKey, l => l.OdooId, cancellationToken);
        var existing = await db.StockLevels.Where(l => l.StoreId == store.Id).ToDictionaryAsync(l => (l.VariantId, l.StoreLocationId), cancellationToken);
        var inventory = stores.For(store).Inventory;
        var now = clock.GetUtcNow();
        var levels = new List<StockLevel>();
        foreach (var mapping in mappings)
        {
            await foreach (var page in inventory.ItemsAsync(mapping.StoreLocationId, cancellationToken))
            {
                foreach (var item in page)
                {
                    if (!links.TryGetValue(item.VariantId, out var product) && (item.Sku is null || !links.TryGetValue($"sku:{item.Sku}", out product)))
                    {
                        continue;
                    }

                    if (!existing.TryGetValue((item.VariantId, mapping.StoreLocationId), out var level))
                    {
                        level = new StockLevel { TenantId = store.TenantId, StoreId = store.Id, VariantId = item.VariantId, InventoryItemId = item.InventoryItemId, StoreLocationId = mapping.StoreLocationId };
                        db.StockLevels.Add(level);
                    }

                    (level.InventoryItemId, level.OdooProductId, level.Quantity, level.UpdatedAt) = (item.InventoryItemId, product, item.Quantity, now);
                    levels.Add(level);
                }
            }
        }

        return levels;
    }

    private void Finish(SyncRun run, SyncRunState state, string summary) =>
        (run.State, run.Summary, run.FinishedAt) = (state, summary, clock.GetUtcNow());
}
