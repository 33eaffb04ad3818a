using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// An Odoo template's image to its store product, queued by each successful <see cref="ProductExportFlow"/> run
/// while the store exports images. Images are large and stores download them slowly, so they are their own job:
/// a failed download never fails the product's export. The <see cref="RecordLinkKind.ProductImage"/> link names
/// the store image the connector pushed and keeps the SHA-256 of its bytes, so an unchanged image is never sent
/// again and a changed one replaces only that image, never one the merchant added. When the template's image is
/// removed in Odoo, the pushed one is removed from the store too.
/// </summary>
public sealed class ProductImageFlow(PortalDbContextActivator activator, StoreClients stores, TenantOdoo tenants, ProductImageAddresses addresses) : IJobHandler
{
    public const string Name = "products.image";

    public string Flow => Name;

    /// <param name="exportJobId">The export that queued it: each export checks the image once.</param>
    public static JobRequest Request(Guid storeId, long templateId, Guid exportJobId) =>
        new(Name, $"Image of Odoo product {templateId}", $"{{store:{storeId}}}:product-template:{templateId}:image",
            $"{{store:{storeId}}}:products.image:{templateId}@{exportJobId}", TemplateJobs.Payload(templateId).ToJsonString(), storeId);

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var templateId = TemplateJobs.TemplateId(job);
        await using var db = activator.Create(TenantContext.SystemFor(job.TenantId));
        if (await TemplateJobs.OdooToStoreAsync(db, job, cancellationToken) is not { } store
            || await db.StoreOutboundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == store.Id, cancellationToken) is { ExportImages: false })
        {
            return;
        }

        var links = await db.RecordLinks.AsNoTracking()
            .Where(l => l.StoreId == store.Id && (l.Kind == RecordLinkKind.Product || l.Kind == RecordLinkKind.ProductImage)
                        && l.OdooModel == ProductExportFlow.TemplateModel && l.OdooId == templateId)
            .ToListAsync(cancellationToken);
        if (links.FirstOrDefault(l => l.Kind == RecordLinkKind.Product) is not { } product)
        {
            return;
        }

        var odoo = await tenants.ClientAsync(job.TenantId, cancellationToken);
        var pushed = links.FirstOrDefault(l => l.Kind == RecordLinkKind.ProductImage);
        var catalogue = stores.For(store).Catalogue;
        if (await OdooTemplateImage.ReadAsync(odoo, templateId, cancellationToken) is not { } image)
        {
            if (pushed is not null)
            {
                await catalogue.RemoveImageAsync(product.StoreKey, pushed.StoreKey, cancellationToken);
                job.Effects.Unlink(RecordLinkKind.ProductImage, pushed.StoreKey);
            }

            return;
        }

        if (pushed?.Fingerprint == image.Checksum)
        {
            return;
        }

        if (!addresses.Configured)
        {
            throw new JobNeedsPersonException(
                "Product images are exported by letting the store download them from the portal, and Stores:PublicBaseUrl is not set. Set it to the portal's public https address, or turn image export off.",
                $"stores/{store.Id}/products");
        }

        var imageId = await LeftByLostPushAsync(catalogue, product.StoreKey, pushed?.StoreKey, image, cancellationToken)
                      ?? await catalogue.ReplaceImageAsync(product.StoreKey, pushed?.StoreKey, addresses.For(job.TenantId, templateId, image), image.Title, cancellationToken);
        if (pushed is not null && pushed.StoreKey != imageId)
        {
            job.Effects.Unlink(RecordLinkKind.ProductImage, pushed.StoreKey);
        }

        job.Effects.Link(RecordLinkKind.ProductImage, imageId, ProductExportFlow.TemplateModel, templateId, image.Checksum);
    }

    /// <summary>
    /// The image an earlier attempt pushed when its answer, or the job's record of it, was lost: the address's file
    /// name is the image's checksum, and both platforms keep the downloaded file's name in the image's address. Such
    /// an image is adopted (and the one it replaces removed) rather than pushed a second time.
    /// </summary>
    private static async Task<string?> LeftByLostPushAsync(IStoreCatalogue catalogue, string productId, string? previousImageId, OdooTemplateImage image, CancellationToken cancellationToken)
    {
        var left = (await catalogue.ImagesAsync(productId, cancellationToken))
            .FirstOrDefault(i => i.Id != previousImageId && Uri.TryCreate(i.Url, UriKind.Absolute, out var url) && url.AbsolutePath.Contains(image.Checksum, StringComparison.Ordinal));
        if (left is not null && previousImageId is not null)
        {
            await catalogue.RemoveImageAsync(productId, previousImageId, cancellationToken);
        }

        return left?.Id;
    }
}
