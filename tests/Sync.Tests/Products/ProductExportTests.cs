using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>
/// Odoo templates to store products through the real job runner, against each platform's fake store and fake Odoo
/// (or a real Odoo when ODOO_* is set): options and variants, pricelist prices, archived → draft, only the fields the
/// connector owns, no duplicates on a re-run, and nothing created when creation is off.
/// </summary>
public class ProductExportTests
{
    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_template_with_attributes_becomes_a_product_with_options_and_variants_priced_from_the_pricelist_once(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var shopify = platform == StorePlatform.Shopify;
        var (template, small, medium) = await OdooProductSeed.SizedTemplateAsync(bed.Odoo);
        var pricelist = await OdooProductSeed.PricelistAsync(bed.Odoo, template, 15m, medium, 17m);
        await OutboundAsync(bed, s => (s.CreateMissingProducts, s.ExportPricelistId) = (true, pricelist));
        var before = StoreProductView.Count(bed, shopify);

        var first = await ExportAsync(bed, template, "first");
        var second = await ExportAsync(bed, template, "second");

        Assert.Equal((JobState.Succeeded, JobState.Succeeded), (first.State, second.State));
        Assert.Equal(before + 1, StoreProductView.Count(bed, shopify));
        var productLink = Assert.Single(await bed.LinksAsync(RecordLinkKind.Product));
        Assert.Equal(("product.template", template), (productLink.OdooModel, productLink.OdooId));
        var product = StoreProductView.Read(bed, shopify, productLink.StoreKey);
        Assert.False(product.Draft);
        var variants = product.Variants.ToDictionary(v => v.Options);
        Assert.Equal(["M", "S"], variants.Keys.Order());
        Assert.Equal((bed.Odoo.Sku("tee-s"), bed.Odoo.Sku("bar-tee-s"), 15m), (variants["S"].Sku, variants["S"].Barcode, variants["S"].Price));
        Assert.Equal((bed.Odoo.Sku("tee-m"), bed.Odoo.Sku("bar-tee-m"), 17m), (variants["M"].Sku, variants["M"].Barcode, variants["M"].Price));
        var links = (await bed.LinksAsync(RecordLinkKind.Variant)).ToDictionary(l => l.OdooId, l => l.StoreKey);
        Assert.Equal((variants["S"].Id, variants["M"].Id), (links[small], links[medium]));
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task An_archived_template_updates_its_product_as_a_draft_and_leaves_the_store_owned_fields_alone(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var shopify = platform == StorePlatform.Shopify;
        var (template, _, _) = await OdooProductSeed.SizedTemplateAsync(bed.Odoo);
        await OutboundAsync(bed, s => s.CreateMissingProducts = true);
        await ExportAsync(bed, template, "create");
        var productId = Assert.Single(await bed.LinksAsync(RecordLinkKind.Product)).StoreKey;
        MerchantEdits(bed, shopify, long.Parse(productId, System.Globalization.CultureInfo.InvariantCulture));
        var edited = StoreProductView.Read(bed, shopify, productId);
        await bed.Odoo.Client.WriteAsync("product.template", [template], new JsonObject { ["active"] = false, ["description_sale"] = "Odoo's words" });

        var job = await ExportAsync(bed, template, "archived");

        Assert.Equal(JobState.Succeeded, job.State);
        var archived = StoreProductView.Read(bed, shopify, productId);
        Assert.True(archived.Draft);
        Assert.Equal((edited.Description, edited.Tags, edited.Seo), (archived.Description, archived.Tags, archived.Seo));
        Assert.Contains("Merchant's words", archived.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task Without_create_if_missing_an_unlinked_template_is_reported_and_nothing_is_created(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var shopify = platform == StorePlatform.Shopify;
        var (template, _, _) = await OdooProductSeed.SizedTemplateAsync(bed.Odoo);
        var before = StoreProductView.Count(bed, shopify);

        var job = await ExportAsync(bed, template, "off");

        Assert.Equal(JobState.NeedsAttention, job.State);
        Assert.Contains("creating missing products is off", job.LastError, StringComparison.Ordinal);
        Assert.Equal(before, StoreProductView.Count(bed, shopify));
        Assert.Empty(await bed.LinksAsync(RecordLinkKind.Product));
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_matched_store_product_is_updated_in_place_even_with_creation_off(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var shopify = platform == StorePlatform.Shopify;
        var odooId = bed.ProductId(bed.Skus[0]);
        var template = (await bed.Odoo.Client.ReadAsync("product.product", [odooId], ["product_tmpl_id"]))[0]!.AsObject()["product_tmpl_id"]![0]!.GetValue<long>();
        var variantId = ProductCatalogueSeed.AddProduct(bed, shopify, "Old chair title", (bed.Skus[0], null))[0];
        await using (var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Admin))
        {
            var runs = scope.ServiceProvider.GetRequiredService<ProductMatchRuns>();
            var run = await runs.StartAsync(bed.StoreId);
            await bed.RunJobsAsync();
            await runs.ApplyAsync(run.Id, new Dictionary<Guid, long>());
        }

        var before = StoreProductView.Count(bed, shopify);
        var job = await ExportAsync(bed, template, "matched");

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(before, StoreProductView.Count(bed, shopify));
        var productId = Assert.Single(await bed.LinksAsync(RecordLinkKind.Product)).StoreKey;
        var product = StoreProductView.Read(bed, shopify, productId);
        Assert.Equal($"{bed.Skus[0]} product", product.Title);
        Assert.Equal(variantId, Assert.Single(product.Variants).Id);
    }

    private static void MerchantEdits(FlowTestBed bed, bool shopify, long productId)
    {
        if (shopify)
        {
            bed.Shopify.EditProduct(productId, p =>
            {
                p["tags"] = new JsonArray("summer", "cotton");
                p["seo"] = new JsonObject { ["title"] = "Best tee", ["description"] = "SEO text" };
                p["descriptionHtml"] = "<p>Merchant's words</p>";
            });
            return;
        }

        bed.WooCommerce.Shop.EditProduct(productId, p =>
        {
            p["tags"] = new JsonArray(new JsonObject { ["id"] = 9, ["name"] = "summer", ["slug"] = "summer" });
            p["meta_data"] = new JsonArray(new JsonObject { ["id"] = 7, ["key"] = "_yoast_wpseo_title", ["value"] = "Best tee" });
            p["description"] = "<p>Merchant's words</p>";
        });
    }

    private static Task<Job> ExportAsync(FlowTestBed bed, long template, string version) => ProductBeds.RunAsync(bed, ProductExportFlow.Request(bed.StoreId, template, version));

    internal static Task OutboundAsync(FlowTestBed bed, Action<StoreOutboundSettings> change) =>
        ProductBeds.WriteAsync(bed, async db =>
        {
            var settings = await db.StoreOutboundSettings.SingleOrDefaultAsync(s => s.StoreId == bed.StoreId);
            if (settings is null)
            {
                settings = new StoreOutboundSettings { StoreId = bed.StoreId, TenantId = bed.TenantId };
                db.StoreOutboundSettings.Add(settings);
            }

            change(settings);
        });
}
