using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>
/// Store products into Odoo for a store whose products go that way, through the job the product webhooks become,
/// against each platform's fake store and fake Odoo (or a real Odoo when ODOO_* is set).
/// </summary>
public class ProductImportTests
{
    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_new_store_product_with_options_becomes_one_template_with_its_variants_and_an_update_makes_no_duplicate(StorePlatform platform)
    {
        await using var bed = await StartAsync(platform);
        var shopify = platform == StorePlatform.Shopify;
        var title = bed.Odoo.Unique("Hoodie");
        var (small, large) = (bed.Odoo.Sku("hoodie-1"), bed.Odoo.Sku("hoodie-2"));
        var variants = ProductCatalogueSeed.AddProduct(bed, shopify, title, (small, bed.Odoo.Sku("bar-h1")), (large, null));
        var productId = ProductOf(bed, shopify, variants[0]);

        var first = await ImportAsync(bed, productId, "create");
        var second = await ImportAsync(bed, productId, "update");

        Assert.Equal((JobState.Succeeded, JobState.Succeeded), (first.State, second.State));
        var templates = await bed.Odoo.Client.SearchAsync("product.template", OdooDomain.Where("name", "=", title));
        var template = Assert.Single(templates);
        Assert.Equal(("product.template", template), (await bed.LinksAsync(RecordLinkKind.Product)).Select(l => (l.OdooModel, l.OdooId)).Single());
        var odooVariants = (await bed.Odoo.Client.SearchReadAsync("product.product", OdooDomain.Where("product_tmpl_id", "=", template), ["default_code", "barcode"]))
            .OfType<JsonObject>().ToDictionary(v => v.Text("default_code")!, v => (v.Id(), v.Text("barcode")));
        Assert.Equal([small, large], odooVariants.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(bed.Odoo.Sku("bar-h1"), odooVariants[small].Item2);
        var links = (await bed.LinksAsync(RecordLinkKind.Variant)).ToDictionary(l => l.StoreKey, l => l.OdooId);
        Assert.Equal((odooVariants[small].Item1, odooVariants[large].Item1), (links[variants[0]], links[variants[1]]));
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_store_product_whose_SKU_Odoo_has_is_linked_to_that_product_instead_of_a_new_one(StorePlatform platform)
    {
        await using var bed = await StartAsync(platform);
        var shopify = platform == StorePlatform.Shopify;
        var title = bed.Odoo.Unique("Store's chair");
        var variant = ProductCatalogueSeed.AddProduct(bed, shopify, title, (bed.Skus[0], null))[0];
        var chairTemplate = (await bed.Odoo.Client.ReadAsync("product.product", [bed.ProductId(bed.Skus[0])], ["product_tmpl_id"]))[0]!.ManyToOneId("product_tmpl_id");

        var job = await ImportAsync(bed, ProductOf(bed, shopify, variant), "create");

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal([chairTemplate!.Value], await bed.Odoo.Client.SearchAsync("product.template", OdooDomain.Where("name", "=", title)));
        Assert.Single(await bed.Odoo.Client.SearchAsync("product.product", OdooDomain.Where("default_code", "=", bed.Skus[0])));
        Assert.Equal(bed.ProductId(bed.Skus[0]), Assert.Single(await bed.LinksAsync(RecordLinkKind.Variant)).OdooId);
        Assert.Equal(chairTemplate, Assert.Single(await bed.LinksAsync(RecordLinkKind.Product)).OdooId);
    }

    [Fact]
    public async Task Nothing_reaches_Odoo_when_the_store_s_products_come_from_Odoo()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        var variant = ProductCatalogueSeed.AddProduct(bed, shopify: false, bed.Odoo.Unique("Ignored"), (bed.Odoo.Sku("ignored"), null))[0];
        bed.Traffic.Clear();

        var job = await ImportAsync(bed, variant, "create");

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Empty(bed.Traffic.Calls);
        Assert.Empty(await bed.LinksAsync(RecordLinkKind.Product));
    }

    private static async Task<FlowTestBed> StartAsync(StorePlatform platform)
    {
        var bed = await FlowTestBed.StartAsync(platform);
        await ProductBeds.WriteAsync(bed, async db => (await db.Stores.SingleAsync(s => s.Id == bed.StoreId)).ProductDirection = ProductDirection.StoreToOdoo);
        return bed;
    }

    /// <summary>The store product of a variant: itself for a WooCommerce simple product, its parent otherwise.</summary>
    private static string ProductOf(FlowTestBed bed, bool shopify, string variantId)
    {
        var id = long.Parse(variantId, System.Globalization.CultureInfo.InvariantCulture);
        if (shopify)
        {
            return bed.Shopify.Products.Single(p => p["variants"]!.AsArray().Any(v => v!["legacyResourceId"]!.GetValue<string>() == variantId))["legacyResourceId"]!.GetValue<string>();
        }

        return bed.WooCommerce.Shop.Products.FirstOrDefault(p => p["variations"]?.AsArray().Any(v => v!.GetValue<long>() == id) == true)?["id"]!.GetValue<long>()
            .ToString(System.Globalization.CultureInfo.InvariantCulture) ?? variantId;
    }

    /// <summary>Queues the job a product webhook becomes, under an identity of its own, and runs it.</summary>
    private static Task<Job> ImportAsync(FlowTestBed bed, string productId, string occasion) =>
        ProductBeds.RunAsync(bed, new JobRequest(ProductImportFlow.Name, $"Product {productId}", $"product:{bed.StoreId}:{productId}", $"test:{bed.StoreId}:{productId}:{occasion}",
            new JsonObject { ["resourceId"] = productId }.ToJsonString(), bed.StoreId));
}
