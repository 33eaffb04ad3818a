using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>
/// A template's image follows its export as a products.image job, against each platform's fake store: pushed once
/// per image, replacing only the image the connector pushed, not queued when the store exports no images, and
/// parked until Stores:PublicBaseUrl says where stores can download it.
/// </summary>
public sealed class ProductImageTests : IAsyncLifetime
{
    private ProductImageHost images = null!;

    public async Task InitializeAsync() => images = await ProductImageHost.StartAsync();

    public async Task DisposeAsync() => await images.DisposeAsync();

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task The_first_export_pushes_the_image_and_the_same_image_is_never_pushed_again(StorePlatform platform)
    {
        var (bed, template, product) = await ExportedWithImageAsync(platform);
        await using var _ = bed;
        var shopify = platform == StorePlatform.Shopify;
        var afterFirst = StoreImages(bed, shopify, product);
        var writes = StoreImageWrites(bed, shopify);
        await ExportAsync(bed, template, "second");

        var link = Assert.Single(await bed.LinksAsync(RecordLinkKind.ProductImage));
        Assert.Equal((ProductExportFlow.TemplateModel, template, Checksum(images.Image(1))), (link.OdooModel, link.OdooId, link.Fingerprint));
        Assert.All(await bed.JobsAsync(ProductImageFlow.Name), job => Assert.Equal(JobState.Succeeded, job.State));
        Assert.Equal(2, (await bed.JobsAsync(ProductImageFlow.Name)).Count);
        Assert.Equal(1, writes);
        Assert.Equal(writes, StoreImageWrites(bed, shopify));
        Assert.Equal(afterFirst, StoreImages(bed, shopify, product));
        Assert.Contains(link.StoreKey, afterFirst);
        Assert.Equal(images.Image(1), await PushedBytesAsync(bed, shopify, product, link.StoreKey));
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_changed_image_replaces_the_pushed_one_and_leaves_the_merchants_images(StorePlatform platform)
    {
        var (bed, template, product) = await ExportedWithImageAsync(platform);
        await using var _ = bed;
        var shopify = platform == StorePlatform.Shopify;
        var first = Assert.Single(await bed.LinksAsync(RecordLinkKind.ProductImage)).StoreKey;
        var merchants = MerchantImages(bed, shopify, product, first);
        Assert.NotEmpty(merchants);
        await bed.Odoo.Client.WriteAsync("product.template", [template], new JsonObject { [OdooTemplateImage.Field] = Convert.ToBase64String(images.Image(2)) });

        var job = await ExportAsync(bed, template, "changed");

        Assert.Equal(JobState.Succeeded, job.State);
        var link = Assert.Single(await bed.LinksAsync(RecordLinkKind.ProductImage));
        Assert.NotEqual(first, link.StoreKey);
        Assert.Equal(Checksum(images.Image(2)), link.Fingerprint);
        var stored = StoreImages(bed, shopify, product);
        Assert.DoesNotContain(first, stored);
        Assert.Contains(link.StoreKey, stored);
        Assert.All(merchants, id => Assert.Contains(id, stored));
        Assert.Equal(images.Image(2), await PushedBytesAsync(bed, shopify, product, link.StoreKey));
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task An_image_removed_in_Odoo_is_removed_from_the_store_and_the_merchants_images_stay(StorePlatform platform)
    {
        var (bed, template, product) = await ExportedWithImageAsync(platform);
        await using var _ = bed;
        var shopify = platform == StorePlatform.Shopify;
        var pushed = Assert.Single(await bed.LinksAsync(RecordLinkKind.ProductImage)).StoreKey;
        var merchants = MerchantImages(bed, shopify, product, pushed);
        await bed.Odoo.Client.WriteAsync("product.template", [template], new JsonObject { [OdooTemplateImage.Field] = false });

        var job = await ExportAsync(bed, template, "image removed");

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.All(await bed.JobsAsync(ProductImageFlow.Name), image => Assert.Equal(JobState.Succeeded, image.State));
        Assert.Empty(await bed.LinksAsync(RecordLinkKind.ProductImage));
        Assert.Equal(merchants, StoreImages(bed, shopify, product));
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task An_image_the_store_took_before_its_link_was_recorded_is_adopted_not_pushed_again(StorePlatform platform)
    {
        var (bed, template, product) = await ExportedWithImageAsync(platform);
        await using var _ = bed;
        var shopify = platform == StorePlatform.Shopify;
        var pushed = Assert.Single(await bed.LinksAsync(RecordLinkKind.ProductImage)).StoreKey;
        var stored = StoreImages(bed, shopify, product);
        var writes = StoreImageWrites(bed, shopify);
        await bed.ForgetLinksAsync(RecordLinkKind.ProductImage);

        var job = await ExportAsync(bed, template, "after a crash");

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.All(await bed.JobsAsync(ProductImageFlow.Name), image => Assert.Equal(JobState.Succeeded, image.State));
        Assert.Equal(writes, StoreImageWrites(bed, shopify));
        Assert.Equal(stored, StoreImages(bed, shopify, product));
        var link = Assert.Single(await bed.LinksAsync(RecordLinkKind.ProductImage));
        Assert.Equal((pushed, Checksum(images.Image(1))), (link.StoreKey, link.Fingerprint));
    }

    [Fact]
    public async Task With_image_export_off_no_image_job_is_queued()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, publicBaseUrl: images.Url);
        var template = await TemplateWithImageAsync(bed, images.Image(1));
        await ProductExportTests.OutboundAsync(bed, s => s.ExportImages = false);

        var job = await ExportAsync(bed, template, "off");

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Empty(await bed.JobsAsync(ProductImageFlow.Name));
        Assert.Empty(await bed.LinksAsync(RecordLinkKind.ProductImage));
        Assert.Equal(0, bed.Shopify.CallsOf("productUpdate"));
    }

    [Fact]
    public async Task Without_a_public_base_url_the_image_job_waits_for_a_person_naming_the_setting()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var template = await TemplateWithImageAsync(bed, images.Image(1));

        var export = await ExportAsync(bed, template, "no-url");

        Assert.Equal(JobState.Succeeded, export.State);
        var job = Assert.Single(await bed.JobsAsync(ProductImageFlow.Name));
        Assert.Equal(JobState.NeedsAttention, job.State);
        Assert.Contains("Stores:PublicBaseUrl", job.LastError, StringComparison.Ordinal);
        Assert.Equal(0, bed.Shopify.CallsOf("productUpdate"));
    }

    /// <summary>A bed whose template with image 1 was exported once, its image job run; returns the template and its store product.</summary>
    private async Task<(FlowTestBed Bed, long Template, string Product)> ExportedWithImageAsync(StorePlatform platform)
    {
        var bed = await FlowTestBed.StartAsync(platform, publicBaseUrl: images.Url);
        var template = await TemplateWithImageAsync(bed, images.Image(1));
        await ExportAsync(bed, template, "first");
        return (bed, template, Assert.Single(await bed.LinksAsync(RecordLinkKind.Product)).StoreKey);
    }

    private static async Task<long> TemplateWithImageAsync(FlowTestBed bed, byte[] image)
    {
        var (template, _, _) = await OdooProductSeed.SizedTemplateAsync(bed.Odoo);
        await bed.Odoo.Client.WriteAsync("product.template", [template], new JsonObject { [OdooTemplateImage.Field] = Convert.ToBase64String(image) });
        await ProductExportTests.OutboundAsync(bed, s => s.CreateMissingProducts = true);
        return template;
    }

    private static Task<Job> ExportAsync(FlowTestBed bed, long template, string version) => ProductBeds.RunAsync(bed, ProductExportFlow.Request(bed.StoreId, template, version));

    private static string Checksum(byte[] image) => Convert.ToHexStringLower(SHA256.HashData(image));

    private static long Id(string id) => long.Parse(id, CultureInfo.InvariantCulture);

    /// <summary>The store ids of the product's images, as the image link names them.</summary>
    private static List<string> StoreImages(FlowTestBed bed, bool shopify, string product) => shopify
        ? [.. bed.Shopify.Media(Id(product)).Select(m => m["id"]!.GetValue<string>()["gid://shopify/MediaImage/".Length..])]
        : [.. bed.WooCommerce.Shop.Product(Id(product))!["images"]!.AsArray().Select(i => i!["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture))];

    /// <summary>How often the store was asked to take an image: Shopify's media mutations, WooCommerce's downloads.</summary>
    private int StoreImageWrites(FlowTestBed bed, bool shopify) => shopify ? bed.Shopify.CallsOf("productUpdate") : images.Downloads;

    /// <summary>
    /// The merchant's own images besides ours: one added in Shopify's admin, or on WooCommerce the two the docs'
    /// sample product (which the fake creates products from) carries.
    /// </summary>
    private static List<string> MerchantImages(FlowTestBed bed, bool shopify, string product, string ours) => shopify
        ? [bed.Shopify.AddMerchantImage(Id(product), new Uri("https://cdn.example.com/merchant.jpg")).ToString(CultureInfo.InvariantCulture)]
        : [.. StoreImages(bed, shopify, product).Where(id => id != ours)];

    /// <summary>The bytes the store got: downloaded by the WooCommerce site, or downloadable from the address Shopify was given.</summary>
    private async Task<byte[]> PushedBytesAsync(FlowTestBed bed, bool shopify, string product, string imageId)
    {
        if (!shopify)
        {
            return bed.WooCommerce.Images.Downloaded(Id(imageId)).Bytes;
        }

        var media = bed.Shopify.Media(Id(product)).Single(m => m["id"]!.GetValue<string>() == $"gid://shopify/MediaImage/{imageId}");
        var source = new Uri(media["originalSource"]!["url"]!.GetValue<string>());
        Assert.StartsWith(images.Url.AbsoluteUri + "media/odoo/", source.AbsoluteUri, StringComparison.Ordinal);
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(source);
    }
}
