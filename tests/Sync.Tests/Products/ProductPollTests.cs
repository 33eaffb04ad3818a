using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>Changed Odoo templates found by write_date since the store's cursor become one export job each, however often the poll repeats.</summary>
public class ProductPollTests
{
    [Fact]
    public async Task A_changed_template_is_exported_once_and_a_store_s_first_poll_only_sets_its_cursor()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify);
        await PollAsync(bed, "first");
        Assert.Empty(await bed.JobsAsync(ProductExportFlow.Name));
        await ProductExportTests.OutboundAsync(bed, s => s.CreateMissingProducts = true);

        var (template, _, _) = await OdooProductSeed.SizedTemplateAsync(bed.Odoo);
        await PollAsync(bed, "second");
        await PollAsync(bed, "third");

        var exports = (await bed.JobsAsync(ProductExportFlow.Name)).Where(j => j.Payload.Contains($"{template}", StringComparison.Ordinal)).ToList();
        Assert.Equal(JobState.Succeeded, Assert.Single(exports).State);
        Assert.Contains(await bed.LinksAsync(RecordLinkKind.Product), l => l.OdooId == template);
        Assert.Single(bed.Shopify.Products, p => p["title"]!.GetValue<string>() == bed.Odoo.Unique("Tee"));
    }

    [Fact]
    public async Task Nothing_is_polled_for_a_store_whose_products_do_not_come_from_Odoo()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce);
        await ProductBeds.WriteAsync(bed, async db => (await db.Stores.SingleAsync(s => s.Id == bed.StoreId)).ProductDirection = ProductDirection.Off);

        Assert.Equal(0, await bed.Host.Services.GetRequiredService<ProductPollScheduler>().EnqueueDuePollsAsync());
        await PollAsync(bed, "manual");

        Assert.False(await ProductBeds.ReadAsync(bed, db => db.SyncCursors.IgnoreQueryFilters().AnyAsync(c => c.Stream == ProductPollFlow.Stream)));
    }

    private static Task<Job> PollAsync(FlowTestBed bed, string occasion) => ProductBeds.RunAsync(bed, ProductPollFlow.Request(bed.StoreId, occasion));
}
