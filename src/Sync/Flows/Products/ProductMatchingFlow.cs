using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// The matching dry run: every variant of the store, a page at a time, against Odoo's active products by SKU
/// (internal reference), then by barcode. Writes only <see cref="ProductMatch"/> rows and the run's progress;
/// nothing reaches Odoo or the store until a person applies the run (<see cref="ProductMatchRuns.ApplyAsync"/>).
/// </summary>
public sealed class ProductMatchingFlow(PortalDbContextActivator activator, StoreClients stores, TenantOdoo tenants, TimeProvider clock) : IJobHandler
{
    public const string Name = "products.match";

    public string Flow => Name;

    public static JobRequest Request(Guid storeId, Guid runId) =>
        new(Name, "Product matching", $"{{store:{storeId}}}:products", $"{{store:{storeId}}}:products.match:{runId}",
            new JsonObject { ["runId"] = runId.ToString() }.ToJsonString(), storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var runId = Guid.Parse(JsonNode.Parse(job.Payload)?["runId"]?.GetValue<string>() ?? throw new InvalidOperationException("The job's payload names no run."));
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        if (await db.SyncRuns.SingleOrDefaultAsync(r => r.Id == runId && r.StoreId == job.StoreId, cancellationToken) is not { State: SyncRunState.Running } run)
        {
            return;
        }

        try
        {
            await MatchAsync(db, run, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A failed dry run is started again by a person; the job itself has nothing left to retry.
            db.ChangeTracker.Clear();
            await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
                r => r.SetProperty(x => x.State, SyncRunState.Failed).SetProperty(x => x.Summary, error.Message).SetProperty(x => x.FinishedAt, clock.GetUtcNow()), cancellationToken);
            throw;
        }
    }

    private async Task MatchAsync(PortalDbContext db, SyncRun run, CancellationToken cancellationToken)
    {
        var store = await db.Stores.SingleAsync(s => s.Id == run.StoreId, cancellationToken);
        await db.ProductMatches.Where(m => m.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        var links = await db.RecordLinks.AsNoTracking()
            .Where(l => l.StoreId == store.Id && l.Kind == RecordLinkKind.Variant)
            .ToDictionaryAsync(l => l.StoreKey, l => l.OdooId, StringComparer.Ordinal, cancellationToken);
        var lookup = new OdooProductLookup(await tenants.ClientAsync(run.TenantId, cancellationToken));
        var catalogue = stores.For(store).Catalogue;
        var counts = new Dictionary<ProductMatchOutcome, int>();
        (run.Processed, run.Changed, run.Problems) = (0, 0, 0);
        string? cursor = null;
        do
        {
            var page = await catalogue.VariantsAsync(cursor, cancellationToken);
            var unlinked = page.Items.Where(v => !links.ContainsKey(v.VariantId)).ToList();
            var bySku = await lookup.ByAsync(OdooProductLookup.SkuField, unlinked.Select(v => v.Sku), cancellationToken);
            var byBarcode = await lookup.ByAsync(OdooProductLookup.BarcodeField, unlinked.Where(v => v.Sku is null || !bySku.Contains(v.Sku)).Select(v => v.Barcode), cancellationToken);
            foreach (var variant in page.Items)
            {
                var match = Match(run, variant, links, bySku, byBarcode);
                counts[match.Outcome] = counts.GetValueOrDefault(match.Outcome) + 1;
                db.ProductMatches.Add(match);
            }

            run.Processed += page.Items.Count;
            run.Total = page.NextCursor is null ? run.Processed : Math.Max(page.Total ?? 0, run.Processed);
            run.Changed = counts.GetValueOrDefault(ProductMatchOutcome.Matched);
            run.Problems = counts.GetValueOrDefault(ProductMatchOutcome.Ambiguous) + counts.GetValueOrDefault(ProductMatchOutcome.Unmatched);
            await db.SaveChangesAsync(cancellationToken);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        run.State = SyncRunState.Succeeded;
        run.FinishedAt = clock.GetUtcNow();
        run.Summary = $"{run.Processed} variants: {counts.GetValueOrDefault(ProductMatchOutcome.Matched)} matched, "
                      + $"{counts.GetValueOrDefault(ProductMatchOutcome.Ambiguous)} ambiguous, {counts.GetValueOrDefault(ProductMatchOutcome.Unmatched)} unmatched, "
                      + $"{counts.GetValueOrDefault(ProductMatchOutcome.Linked)} already linked.";
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ProductMatch Match(
        SyncRun run, StoreVariant variant, Dictionary<string, long> links, ILookup<string, OdooProductCandidate> bySku, ILookup<string, OdooProductCandidate> byBarcode)
    {
        var match = new ProductMatch
        {
            TenantId = run.TenantId,
            RunId = run.Id,
            StoreId = run.StoreId,
            StoreProductId = variant.ProductId,
            VariantId = variant.VariantId,
            InventoryItemId = variant.InventoryItemId,
            Title = variant.Title,
            Sku = variant.Sku,
            Barcode = variant.Barcode,
        };
        if (links.TryGetValue(variant.VariantId, out var linked))
        {
            match.Outcome = ProductMatchOutcome.Linked;
            match.OdooProductId = linked;
            return match;
        }

        var candidates = variant.Sku is not null && bySku.Contains(variant.Sku) ? bySku[variant.Sku].ToList()
            : variant.Barcode is not null ? byBarcode[variant.Barcode].ToList()
            : [];
        match.Outcome = candidates.Count switch
        {
            0 => ProductMatchOutcome.Unmatched,
            1 => ProductMatchOutcome.Matched,
            _ => ProductMatchOutcome.Ambiguous,
        };
        match.OdooProductId = candidates.Count == 1 ? candidates[0].Id : null;
        match.Candidates = candidates.Count > 0 ? OdooProductCandidate.Join(candidates) : null;
        return match;
    }
}
