using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;
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
        await using (var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.TenantId)))
        {
            db.StoreOutboundSettings.Add(new StoreOutboundSettings { StoreId = bed.StoreId, TenantId = bed.TenantId, CreateMissingProducts = true });
            await db.SaveChangesAsync();
        }

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
        await using (var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.TenantId)))
        {
            (await db.Stores.SingleAsync(s => s.Id == bed.StoreId)).ProductDirection = ProductDirection.Off;
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await bed.Host.Services.GetRequiredService<ProductPollScheduler>().EnqueueDuePollsAsync());
        await PollAsync(bed, "manual");

        await using var read = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        Assert.False(await read.SyncCursors.IgnoreQueryFilters().AnyAsync(c => c.Stream == ProductPollFlow.Stream));
    }

    private static async Task PollAsync(FlowTestBed bed, string occasion)
    {
        await bed.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(bed.TenantId, ProductPollFlow.Request(bed.StoreId, occasion));
        await bed.RunJobsAsync();
    }
}
