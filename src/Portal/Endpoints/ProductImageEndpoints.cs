using System.Globalization;
using Portal.Sync.Flows.Products;
using Portal.Sync.Odoo.Connection;

namespace Portal.Endpoints;

public static class ProductImageEndpoints
{
    /// <summary>
    /// GET /media/odoo/{tenantId}/{templateId}/{checksum}.{ext}?expires=…&amp;sig=…: the Odoo template image a products.image
    /// job told a store to download, read from Odoo now. Anything but a valid, unexpired signature, or an image that
    /// changed since (another checksum), is a 404 that says no more, so addresses cannot be probed.
    /// </summary>
    public static IEndpointRouteBuilder MapProductImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProductImageAddresses.PathPrefix + "/{tenantId:guid}/{templateId:long}/{fileName}",
                async (Guid tenantId, long templateId, string fileName, string? expires, string? sig, ProductImageAddresses addresses, TenantOdoo tenants, CancellationToken cancellationToken) =>
                {
                    if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry) || !addresses.IsValid(tenantId, templateId, fileName, expiry, sig))
                    {
                        return NotFound;
                    }

                    var odoo = await tenants.ClientAsync(tenantId, cancellationToken);
                    return await OdooTemplateImage.ReadAsync(odoo, templateId, cancellationToken) is { } image && image.Checksum + image.Extension == fileName
                        ? Results.Bytes(image.Bytes, image.ContentType)
                        : NotFound;
                })
            .AllowAnonymous();
        return endpoints;
    }

    // With a body, so the status code pages do not re-execute it as the portal's HTML error page.
    private static IResult NotFound => Results.Text("Not found.", statusCode: StatusCodes.Status404NotFound);
}
