using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Settings;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// One Odoo template to its store product, for a store whose products go from Odoo to the store. The template's
/// link (<see cref="RecordLinkKind.Product"/>) or a linked variant's product from the last matching run says which
/// store product to update; without either, the product is created only when the store's settings say so, and
/// otherwise the job parks saying so. Every written variant is linked, so the next run updates the same ones. The
/// image follows in its own <see cref="ProductImageFlow"/> job, read from Odoo there, not here.
/// </summary>
public sealed class ProductExportFlow(PortalDbContextActivator activator, StoreClients stores, TenantOdoo tenants, TimeProvider clock) : IJobHandler
{
    public const string Name = "products.export";
    public const string TemplateModel = "product.template";

    public string Flow => Name;

    /// <param name="version">What makes this export a new event: the template's write_date, or a person's request.</param>
    public static JobRequest Request(Guid storeId, long templateId, string version) =>
        new(Name, $"Export of Odoo product {templateId}", $"{{store:{storeId}}}:product-template:{templateId}",
            $"{{store:{storeId}}}:products.export:{templateId}@{version}", TemplateJobs.Payload(templateId).ToJsonString(), storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var templateId = TemplateJobs.TemplateId(job);
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        if (await TemplateJobs.OdooToStoreAsync(db, job, cancellationToken) is not { } store)
        {
            return;
        }

        var settings = await OutboundSettingsRows.ReadAsync(db, store, cancellationToken);
        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        var reader = new OdooTemplateReader(odoo, new PricelistPrices(odoo));
        if (await reader.ReadAsync(templateId, settings.ExportPricelistId, settings.ExportDescriptions, clock.GetUtcNow(), cancellationToken) is not { } draft)
        {
            return;
        }

        var odooIds = draft.Variants.Select(v => v.OdooProductId).ToList();
        var variantLinks = (await db.RecordLinks.AsNoTracking()
                .Where(l => l.StoreId == store.Id && l.Kind == RecordLinkKind.Variant && l.OdooModel == ProductLinks.OdooModel && odooIds.Contains(l.OdooId) && !l.StoreKey.StartsWith(ProductLinks.SkuPrefix))
                .OrderBy(l => l.StoreKey)
                .ToListAsync(cancellationToken))
            .GroupBy(l => l.OdooId).ToDictionary(g => g.Key, g => g.First().StoreKey);
        var productId = await StoreProductAsync(db, store.Id, templateId, variantLinks.Values.ToList(), cancellationToken);
        if (productId is null && !settings.CreateMissingProducts)
        {
            throw new JobNeedsPersonException(
                $"Odoo product '{draft.Title}' is in no store product and creating missing products is off: link it by matching, or turn creation on.",
                $"stores/{store.Id}/products");
        }

        var saved = await stores.For(store).Catalogue.SaveProductAsync(
            draft with { Variants = [.. draft.Variants.Select(v => v with { StoreVariantId = variantLinks.GetValueOrDefault(v.OdooProductId) })] },
            productId, cancellationToken);
        job.Effects.Link(RecordLinkKind.Product, saved.ProductId, TemplateModel, templateId);
        foreach (var (odooId, variantId) in saved.VariantIds)
        {
            job.Effects.Link(RecordLinkKind.Variant, variantId, ProductLinks.OdooModel, odooId);
        }

        if (settings.ExportImages)
        {
            job.Effects.Enqueue(ProductImageFlow.Request(store.Id, templateId, job.Id));
        }
    }

    /// <summary>The template's linked store product, else the product of a linked variant as the latest matching run saw it.</summary>
    private static async Task<string?> StoreProductAsync(PortalDbContext db, Guid storeId, long templateId, IReadOnlyList<string> variantIds, CancellationToken cancellationToken) =>
        await db.RecordLinks.AsNoTracking()
            .Where(l => l.StoreId == storeId && l.Kind == RecordLinkKind.Product && l.OdooModel == TemplateModel && l.OdooId == templateId)
            .Select(l => l.StoreKey).FirstOrDefaultAsync(cancellationToken)
        ?? await db.ProductMatches.AsNoTracking()
            .Where(m => m.StoreId == storeId && variantIds.Contains(m.VariantId))
            .Join(db.SyncRuns, m => m.RunId, r => r.Id, (m, r) => new { m.StoreProductId, r.StartedAt })
            .OrderByDescending(m => m.StartedAt)
            .Select(m => m.StoreProductId).FirstOrDefaultAsync(cancellationToken);
}
