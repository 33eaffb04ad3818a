using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>
/// The matching dry run through the real job runner, against the fake store of each platform and fake Odoo
/// (or a real Odoo when ODOO_* is set): SKU first, then barcode, active products only, existing links kept,
/// nothing written anywhere until a person applies the run.
/// </summary>
public class ProductMatchingTests
{
    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_dry_run_sorts_every_variant_into_matched_ambiguous_unmatched_or_linked_and_writes_nothing(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var catalogue = await CatalogueAsync(bed, platform);

        var run = await StartAsync(bed);
        bed.Traffic.Clear();
        await bed.RunJobsAsync();

        var finished = await RunAsync(bed, run.Id);
        Assert.Equal(SyncRunState.Succeeded, finished.State);
        Assert.Equal((8, 8, 3, 4), (finished.Total, finished.Processed, finished.Changed, finished.Problems));
        var matches = (await MatchesAsync(bed, run.Id)).ToDictionary(m => m.VariantId);
        Assert.Equal(8, matches.Count);
        AssertMatch(matches[catalogue.Chair], ProductMatchOutcome.Matched, bed.ProductId(bed.Skus[0]));
        AssertMatch(matches[catalogue.LampByBarcode], ProductMatchOutcome.Matched, bed.ProductId(bed.Skus[2]));
        AssertMatch(matches[catalogue.BarcodeOnly], ProductMatchOutcome.Matched, catalogue.BarcodeOnlyProduct);
        AssertMatch(matches[catalogue.Twin], ProductMatchOutcome.Ambiguous, null);
        Assert.Equal([.. catalogue.Twins.Order()], OdooProductCandidate.Ids(matches[catalogue.Twin].Candidates).Order());
        AssertMatch(matches[catalogue.Archived], ProductMatchOutcome.Unmatched, null);
        Assert.All(catalogue.Sizes, size => AssertMatch(matches[size], ProductMatchOutcome.Unmatched, null));
        AssertMatch(matches[catalogue.LinkedDesk], ProductMatchOutcome.Linked, bed.ProductId(bed.Skus[1]));
        Assert.DoesNotContain(bed.Traffic.Calls, c => c.Method is "create" or "write" or "unlink");
        Assert.Single(await bed.LinksAsync(RecordLinkKind.Variant));
        if (platform == StorePlatform.Shopify)
        {
            Assert.Equal(0, bed.Shopify.CallsOf("productSet"));
        }
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task Applying_links_the_matched_variants_and_the_ambiguous_ones_a_person_picked_once(StorePlatform platform)
    {
        await using var bed = await FlowTestBed.StartAsync(platform);
        var catalogue = await CatalogueAsync(bed, platform);
        var run = await StartAsync(bed);
        await bed.RunJobsAsync();
        var twin = (await MatchesAsync(bed, run.Id)).Single(m => m.VariantId == catalogue.Twin);

        var linked = await ApplyAsync(bed, run.Id, new Dictionary<Guid, long> { [twin.Id] = catalogue.Twins[1] });
        var again = await ApplyAsync(bed, run.Id, new Dictionary<Guid, long> { [twin.Id] = catalogue.Twins[0] });

        Assert.Equal((4, 0), (linked, again));
        var links = (await bed.LinksAsync(RecordLinkKind.Variant)).ToDictionary(l => l.StoreKey, l => (l.OdooModel, l.OdooId));
        Assert.Equal(new Dictionary<string, (string, long)>
        {
            [catalogue.Chair] = ("product.product", bed.ProductId(bed.Skus[0])),
            [catalogue.LampByBarcode] = ("product.product", bed.ProductId(bed.Skus[2])),
            [catalogue.BarcodeOnly] = ("product.product", catalogue.BarcodeOnlyProduct),
            [catalogue.Twin] = ("product.product", catalogue.Twins[1]),
            [catalogue.LinkedDesk] = ("product.product", bed.ProductId(bed.Skus[1])),
        }, links);
        var audit = await ProductBeds.ReadAsync(bed, db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "products.matches-linked").ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains("4 variants linked", audit[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pick_that_is_not_one_of_the_candidates_links_nothing()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        var catalogue = await CatalogueAsync(bed, StorePlatform.Shopify);
        var run = await StartAsync(bed);
        await bed.RunJobsAsync();
        var twin = (await MatchesAsync(bed, run.Id)).Single(m => m.VariantId == catalogue.Twin);

        await ApplyAsync(bed, run.Id, new Dictionary<Guid, long> { [twin.Id] = bed.ProductId(bed.Skus[0]) });

        Assert.DoesNotContain(await bed.LinksAsync(RecordLinkKind.Variant), l => l.StoreKey == catalogue.Twin);
    }

    [Fact]
    public async Task Every_page_of_a_large_shop_is_read_and_counted()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        for (var i = 0; i < 12; i++)
        {
            bed.Shopify.AddProduct($"Poster {i}", [.. Enumerable.Range(0, 10).Select(v => new Portal.Fakes.Shopify.FakeShopifyVariantSpec(null, null, $"Size {v}"))]);
        }

        var run = await StartAsync(bed);
        await bed.RunJobsAsync();

        var finished = await RunAsync(bed, run.Id);
        Assert.Equal((SyncRunState.Succeeded, 120, 120, 120), (finished.State, finished.Total, finished.Processed, finished.Problems));
        Assert.Equal(2, bed.Shopify.CallsOf("productVariants"));
    }

    private sealed record Catalogue(
        string Chair, string LampByBarcode, string BarcodeOnly, long BarcodeOnlyProduct, string Twin, long[] Twins, string Archived, string[] Sizes, string LinkedDesk);

    /// <summary>
    /// Eight store variants: one per outcome and route (SKU, unknown SKU then barcode, barcode alone, two Odoo products
    /// with the SKU, an archived product's SKU, a variable product with unknown SKUs, a variant linked before).
    /// </summary>
    private static async Task<Catalogue> CatalogueAsync(FlowTestBed bed, StorePlatform platform)
    {
        var odoo = bed.Odoo;
        var shopify = platform == StorePlatform.Shopify;
        var twinSku = odoo.Sku("twin");
        long[] twins = [await odoo.ProductAsync(twinSku, 1), await odoo.ProductAsync(twinSku, 1)];
        var lampBarcode = odoo.Sku("lamp-barcode");
        await odoo.Client.WriteAsync("product.product", [bed.ProductId(bed.Skus[2])], new JsonObject { ["barcode"] = lampBarcode });
        var barcodeOnlyBarcode = odoo.Sku("vase-barcode");
        var barcodeOnly = await odoo.ProductAsync(odoo.Sku("vase"), 1);
        await odoo.Client.WriteAsync("product.product", [barcodeOnly], new JsonObject { ["barcode"] = barcodeOnlyBarcode });
        var archivedSku = odoo.Sku("retired");
        var archived = await odoo.ProductAsync(archivedSku, 1);
        await odoo.Client.WriteAsync("product.product", [archived], new JsonObject { ["active"] = false });

        var catalogue = new Catalogue(
            Chair: ProductCatalogueSeed.AddProduct(bed, shopify, "Chair", (bed.Skus[0], null))[0],
            LampByBarcode: ProductCatalogueSeed.AddProduct(bed, shopify, "Lamp", (odoo.Sku("store-lamp"), lampBarcode))[0],
            BarcodeOnly: ProductCatalogueSeed.AddProduct(bed, shopify, "Vase", (null, barcodeOnlyBarcode))[0],
            BarcodeOnlyProduct: barcodeOnly,
            Twin: ProductCatalogueSeed.AddProduct(bed, shopify, "Twin", (twinSku, null))[0],
            Twins: twins,
            Archived: ProductCatalogueSeed.AddProduct(bed, shopify, "Retired", (archivedSku, null))[0],
            Sizes: [.. ProductCatalogueSeed.AddProduct(bed, shopify, "Shirt", (odoo.Sku("shirt-s"), null), (null, null))],
            LinkedDesk: ProductCatalogueSeed.AddProduct(bed, shopify, "Desk", (bed.Skus[1], null))[0]);
        await ProductBeds.WriteAsync(bed, db =>
        {
            db.RecordLinks.Add(new RecordLink
            {
                StoreId = bed.StoreId,
                Kind = RecordLinkKind.Variant,
                StoreKey = catalogue.LinkedDesk,
                OdooModel = "product.product",
                OdooId = bed.ProductId(bed.Skus[1]),
                UpdatedAt = bed.Host.Clock.GetUtcNow(),
            });
            return Task.CompletedTask;
        });
        return catalogue;
    }

    private static void AssertMatch(ProductMatch match, ProductMatchOutcome outcome, long? odooProductId) =>
        Assert.Equal((outcome, odooProductId), (match.Outcome, match.OdooProductId));

    private static async Task<SyncRun> StartAsync(FlowTestBed bed)
    {
        await using var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Admin);
        return await scope.ServiceProvider.GetRequiredService<ProductMatchRuns>().StartAsync(bed.StoreId);
    }

    private static async Task<IReadOnlyList<ProductMatch>> MatchesAsync(FlowTestBed bed, Guid runId)
    {
        await using var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Viewer);
        return (await scope.ServiceProvider.GetRequiredService<ProductMatchRuns>().MatchesAsync(runId, null, 0, 100)).Items;
    }

    private static async Task<int> ApplyAsync(FlowTestBed bed, Guid runId, IReadOnlyDictionary<Guid, long> picks)
    {
        await using var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Admin);
        return await scope.ServiceProvider.GetRequiredService<ProductMatchRuns>().ApplyAsync(runId, picks);
    }

    private static Task<SyncRun> RunAsync(FlowTestBed bed, Guid runId) => ProductBeds.ReadAsync(bed, db => db.SyncRuns.IgnoreQueryFilters().SingleAsync(r => r.Id == runId));
}
