using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using Portal.Fakes;
using Portal.Sync.Flows.Products;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Tests.Orders;

namespace Portal.Tests.Products;

/// <summary>
/// Product images through the real portal host: the signed image address answers only while its signature and
/// expiry hold, and an exported template's image reaches the store, which downloads it from the portal itself.
/// </summary>
public abstract class ProductImagesEndToEndTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : OrderToCashStore
{
    /// <summary>A PNG as Odoo would hold it; only its first bytes matter to the content type.</summary>
    private static readonly byte[] Png = TinyPng.Make(7);

    protected abstract FakeTimeProvider Clock { get; }

    /// <summary>Adds a single-variant store product with the SKU; returns its id.</summary>
    protected abstract string AddProduct(string title, string sku);

    /// <summary>The bytes the store holds, or can download, for the image with that store id.</summary>
    protected abstract Task<byte[]> PushedImageAsync(string productId, string imageId);

    [Fact]
    public async Task The_signed_address_serves_the_image_until_it_expires_and_nothing_when_tampered_with()
    {
        var template = await TemplateWithImageAsync("CAP-RED");
        var address = store.Portal.Host.Services.GetRequiredService<ProductImageAddresses>().For(store.TenantId, template, new OdooTemplateImage(Png, Checksum(Png), "image/png", "Cap"));
        Assert.EndsWith($"/{template}/{Checksum(Png)}.png", address.AbsolutePath, StringComparison.Ordinal);
        using var http = new HttpClient();

        using var served = await http.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        var signature = address.Query[(address.Query.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        var tampered = new[]
        {
            address.AbsoluteUri.Replace(signature, signature[..^2] + (signature.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), StringComparison.Ordinal),
            address.AbsoluteUri.Replace($"/{template}/", $"/{template + 1}/", StringComparison.Ordinal),
            address.AbsoluteUri.Replace(".png?", ".jpg?", StringComparison.Ordinal),
            address.AbsoluteUri.Replace("expires=", "expires=9", StringComparison.Ordinal),
            address.GetLeftPart(UriPartial.Path),
        };
        foreach (var forged in tampered)
        {
            using var refused = await http.GetAsync(new Uri(forged));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Clock.Advance(ProductImageAddresses.Lifetime + TimeSpan.FromSeconds(1));
        using var expired = await http.GetAsync(address);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task An_exported_templates_image_is_downloaded_by_the_store_from_the_portal()
    {
        var template = await TemplateWithImageAsync("MUG-001");
        var product = AddProduct("Mug from the store", "MUG-001");
        SyncRun run;
        await using (var scope = store.AsOwner())
        {
            run = await scope.ServiceProvider.GetRequiredService<ProductMatchRuns>().StartAsync(store.StoreId);
        }

        await store.Portal.EventuallyAsync(db => db.SyncRuns.SingleAsync(r => r.Id == run.Id), r => r.State != SyncRunState.Running, "the matching run to finish");
        await using (var scope = store.AsOwner())
        {
            await scope.ServiceProvider.GetRequiredService<ProductMatchRuns>().ApplyAsync(run.Id, new Dictionary<Guid, long>());
            await scope.ServiceProvider.GetRequiredService<ProductSettings>().ExportAllAsync(store.StoreId);
        }

        var link = await store.Portal.EventuallyAsync(db => db.RecordLinks.SingleOrDefaultAsync(l => l.Kind == RecordLinkKind.ProductImage && l.OdooId == template),
            l => l is not null, "the template's image to be pushed");
        Assert.Equal(Checksum(Png), link!.Fingerprint);
        Assert.Equal(Png, await PushedImageAsync(product, link.StoreKey));
    }

    private async Task<long> TemplateWithImageAsync(string sku)
    {
        var odoo = await store.Portal.Host.Services.GetRequiredService<TenantOdoo>().ClientAsync(store.TenantId, CancellationToken.None);
        var variant = Assert.Single(await odoo.SearchReadAsync("product.product", OdooDomain.Where("default_code", "=", sku), ["product_tmpl_id"]));
        var template = variant!.ManyToOneId("product_tmpl_id")!.Value;
        await odoo.WriteAsync("product.template", [template], new JsonObject { [OdooTemplateImage.Field] = Convert.ToBase64String(Png) });
        return template;
    }

    private static string Checksum(byte[] image) => Convert.ToHexStringLower(SHA256.HashData(image));
}
