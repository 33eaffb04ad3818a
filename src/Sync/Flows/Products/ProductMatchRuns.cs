using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Jobs;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// The matching dry runs of the active tenant's stores: start one, watch it, page through its results, and apply
/// it — the only step that stores links: every matched variant, and every ambiguous one a person picked a candidate for.
/// </summary>
public sealed class ProductMatchRuns(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, JobStore jobs, AuditLog audit, TimeProvider clock)
{
    /// <summary>Starts a dry run, or gives the one still running for the store.</summary>
    public async Task<SyncRun> StartAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        if (await Runs(db, storeId).FirstOrDefaultAsync(r => r.State == SyncRunState.Running, cancellationToken) is { } running)
        {
            return running;
        }

        var run = new SyncRun
        {
            TenantId = tenantId,
            StoreId = storeId,
            Kind = SyncRunKind.ProductMatching,
            State = SyncRunState.Running,
            StartedBy = tenant.ActorName,
            StartedAt = clock.GetUtcNow(),
        };
        db.SyncRuns.Add(run);
        audit.Record(db, "products.matching-started", store.Name);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(tenantId, ProductMatchingFlow.Request(storeId, run.Id), cancellationToken);
        return run;
    }

    /// <summary>The store's latest dry run, or null before the first.</summary>
    public async Task<SyncRun?> LatestAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Runs(db, storeId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A page of the run's variants, those of one outcome when <paramref name="outcome"/> is given.</summary>
    public async Task<(IReadOnlyList<ProductMatch> Items, int Total)> MatchesAsync(
        Guid runId, ProductMatchOutcome? outcome, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matches = db.ProductMatches.AsNoTracking().Where(m => m.RunId == runId);
        if (outcome is { } only)
        {
            matches = matches.Where(m => m.Outcome == only);
        }

        var total = await matches.CountAsync(cancellationToken);
        var items = await matches.OrderBy(m => m.Title).ThenBy(m => m.VariantId).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Links every matched variant of a finished run, and each ambiguous one to the candidate picked for it in
    /// <paramref name="picks"/> (match id → Odoo product id); returns how many links it stored. A variant linked
    /// meanwhile keeps its link.
    /// </summary>
    public async Task<int> ApplyAsync(Guid runId, IReadOnlyDictionary<Guid, long> picks, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.SyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.Kind == SyncRunKind.ProductMatching, cancellationToken)
                  ?? throw new KeyNotFoundException($"No matching run {runId} in this tenant.");
        if (run.State != SyncRunState.Succeeded)
        {
            throw new InvalidOperationException("Only a finished matching run can be applied.");
        }

        var store = await SettingsStores.FindAsync(db, run.StoreId, cancellationToken);
        var chosen = await db.ProductMatches.AsNoTracking()
            .Where(m => m.RunId == runId && (m.Outcome == ProductMatchOutcome.Matched || m.Outcome == ProductMatchOutcome.Ambiguous))
            .ToListAsync(cancellationToken);
        var wanted = chosen
            .Select(m => (m.VariantId, OdooId: m.Outcome == ProductMatchOutcome.Matched ? m.OdooProductId : Pick(m, picks)))
            .Where(w => w.OdooId is not null)
            .ToList();
        var keys = wanted.Select(w => w.VariantId).ToList();
        var existing = (await db.RecordLinks.Where(l => l.StoreId == run.StoreId && l.Kind == RecordLinkKind.Variant && keys.Contains(l.StoreKey))
            .Select(l => l.StoreKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (variantId, odooId) in wanted.Where(w => !existing.Contains(w.VariantId)))
        {
            db.RecordLinks.Add(new RecordLink
            {
                StoreId = run.StoreId,
                Kind = RecordLinkKind.Variant,
                StoreKey = variantId,
                OdooModel = ProductLinks.OdooModel,
                OdooId = odooId!.Value,
                UpdatedAt = now,
            });
            added++;
        }

        audit.Record(db, "products.matches-linked", store.Name, $"{added} variants linked from the matching run of {run.StartedAt:u}");
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static long? Pick(ProductMatch match, IReadOnlyDictionary<Guid, long> picks) =>
        picks.TryGetValue(match.Id, out var picked) && OdooProductCandidate.Ids(match.Candidates).Contains(picked) ? picked : null;

    private static IQueryable<SyncRun> Runs(PortalDbContext db, Guid storeId) =>
        db.SyncRuns.Where(r => r.StoreId == storeId && r.Kind == SyncRunKind.ProductMatching).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id);
}
