using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Orders;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Settings.SelfTest;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;
using Portal.Sync.Tests.Flows;
using Portal.Sync.Tests.WooCommerce;

namespace Portal.Sync.Tests.Settings.SelfTest;

/// <summary>
/// <see cref="StoreSelfTest"/> against the fake stores and the fake Odoo of <see cref="FlowTestBed"/>, with the mapping
/// coverage answered by <see cref="FakeMappingCoverage"/>.
/// </summary>
public class StoreSelfTestTests
{
    private static readonly Uri PortalAddress = new("https://portal.example.com");
    private static readonly string[] OdooWrites = ["create", "write", "unlink", "copy"];

    [Fact]
    public async Task A_store_set_up_completely_passes_every_check_and_its_orders_would_each_become_a_sale_order_without_anything_being_written()
    {
        await using var bed = await ShopifyBedAsync();
        await RegisterWebhooksAsync(bed);
        await bed.PlaceAsync(bed.Spec((0, 2, 20.00m), (1, 1, 120.00m)));
        await bed.PlaceAsync(bed.Spec((2, 1, 60.00m)));
        var (links, jobs, partners) = (await CountAsync(bed, db => db.RecordLinks), await CountAsync(bed, db => db.Jobs), await PartnerCountAsync(bed));
        bed.Odoo.Fake!.ClearCalls();

        var report = await RunAsync(bed, FakeMappingCoverage.Complete(2));

        Assert.All(report.Checks, c => Assert.True(c.Outcome == SelfTestOutcome.Passed, $"{c.Name}: {c.Outcome}: {c.Message}"));
        Assert.Equal(
            [StoreSelfTest.StoreConnection, StoreSelfTest.StoreAccess, StoreSelfTest.OdooConnection, MappingChecks.Taxes, MappingChecks.Journals, MappingChecks.Shipping,
                MappingChecks.Locations, MappingChecks.OrderProducts, WebhookSubscriptionCheck.Name, StoreSelfTest.DryRun],
            report.Checks.Select(c => c.Name));
        Assert.Equal(2, report.Orders.Count);
        Assert.All(report.Orders, o => Assert.Equal(SelfTestOutcome.Passed, o.Outcome));

        // Newest first: the lamp order, then chair and desk, each with its shipping line.
        Assert.StartsWith("Would create a sale order of 2 lines, total 80.50 USD, and a customer for ada.", report.Orders[0].Message);
        Assert.StartsWith("Would create a sale order of 3 lines, total 195.50 USD", report.Orders[1].Message);

        Assert.DoesNotContain(bed.Odoo.Fake.Calls, c => OdooWrites.Contains(c.Method) || c.Method.StartsWith("action_", StringComparison.Ordinal));
        Assert.Equal((links, jobs, partners), (await CountAsync(bed, db => db.RecordLinks), await CountAsync(bed, db => db.Jobs), await PartnerCountAsync(bed)));
        var audit = Assert.Single(await ReadAsync(bed, db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "store-self-test.run").ToListAsync()));
        Assert.Equal(("Flow store", report.Summary), (audit.Subject, audit.Details));
        Assert.StartsWith("10 passed, 0 warnings, 0 failed; dry run: 2 of 2 orders would import", audit.Details);
    }

    [Fact]
    public async Task An_order_with_an_unmapped_tax_fails_the_dry_run_with_the_flows_message_and_fix_link_while_the_others_pass()
    {
        await using var bed = await ShopifyBedAsync();
        await RegisterWebhooksAsync(bed);
        await bed.PlaceAsync(bed.Spec((0, 1, 20.00m)));
        var gst = new FakeTaxSpec("GST", 0.05m);
        var untaxed = bed.Spec((1, 1, 100.00m));
        await bed.PlaceAsync(untaxed with { Lines = [untaxed.Lines[0] with { Taxes = [gst] }], Shipping = untaxed.Shipping! with { Taxes = [gst] } });
        var coverage = new FakeMappingCoverage(new MappingCoverage(2, 1,
            [new SeenTaxLine(FlowTestBed.StateTaxTitle, 0.15m, "US", false, 1, bed.TaxId), new SeenTaxLine("GST", 0.05m, "US", false, 1, null)], [], []));

        var report = await RunAsync(bed, coverage);

        var taxes = report.Checks.Single(c => c.Name == MappingChecks.Taxes);
        Assert.Equal(SelfTestOutcome.Failed, taxes.Outcome);
        Assert.Contains("'GST' (5 %, US, prices excluding tax) in 1 order", taxes.Message);
        Assert.Equal($"stores/{bed.StoreId}/mappings/taxes", taxes.FixPath);

        var (failed, passed) = (report.Orders[0], report.Orders[1]);
        Assert.Equal(SelfTestOutcome.Failed, failed.Outcome);
        Assert.Equal("No tax mapping for 'GST' (5 %, US, prices excluding tax).", failed.Message);
        Assert.StartsWith($"stores/{bed.StoreId}/mappings/taxes?title=GST", failed.FixPath);
        Assert.Equal(SelfTestOutcome.Passed, passed.Outcome);

        var dryRun = report.Checks.Single(c => c.Name == StoreSelfTest.DryRun);
        Assert.Equal((SelfTestOutcome.Failed, failed.FixPath), (dryRun.Outcome, dryRun.FixPath));
        Assert.StartsWith($"1 of the last 2 orders would stop: {failed.OrderName}: No tax mapping for 'GST'", dryRun.Message);
        Assert.Equal(SelfTestOutcome.Passed, report.Checks.Single(c => c.Name == StoreSelfTest.StoreConnection).Outcome);
    }

    [Fact]
    public async Task An_order_by_a_known_customer_names_the_contact_it_would_go_to_and_leaves_the_contact_unchanged()
    {
        await using var bed = await ShopifyBedAsync();
        var spec = bed.Spec((0, 1, 20.00m));
        var contact = (await bed.Odoo.Client.CreateAsync("res.partner", [new System.Text.Json.Nodes.JsonObject { ["name"] = "Old name", ["email"] = spec.Email }]))[0];
        await bed.PlaceAsync(spec);

        var report = await RunAsync(bed, FakeMappingCoverage.Complete(1));

        Assert.Equal($"Would create a sale order of 2 lines, total 34.50 USD, for Odoo contact #{contact}.", Assert.Single(report.Orders).Message);
        var partner = (await bed.Odoo.Client.ReadAsync("res.partner", [contact], ["name"])).Single()!;
        Assert.Equal("Old name", partner.Text("name"));
    }

    [Fact]
    public async Task With_odoo_down_its_checks_fail_and_the_stores_checks_still_answer()
    {
        await using var bed = await ShopifyBedAsync();
        await RegisterWebhooksAsync(bed);
        await bed.PlaceAsync(bed.Spec((0, 1, 20.00m)));
        await WriteAsync(bed, async db => (await db.OdooConnections.SingleAsync()).Url = UnusedLoopback.Address().AbsoluteUri);

        var report = await RunAsync(bed, FakeMappingCoverage.Complete(1));

        var odoo = report.Checks.Single(c => c.Name == StoreSelfTest.OdooConnection);
        Assert.Equal((SelfTestOutcome.Failed, "odoo"), (odoo.Outcome, odoo.FixPath));
        Assert.Equal(SelfTestOutcome.Failed, report.Checks.Single(c => c.Name == StoreSelfTest.DryRun).Outcome);
        Assert.Equal(SelfTestOutcome.Failed, Assert.Single(report.Orders).Outcome);
        Assert.All(report.Checks.Where(c => c.Name is StoreSelfTest.StoreConnection or StoreSelfTest.StoreAccess or WebhookSubscriptionCheck.Name or MappingChecks.Taxes),
            c => Assert.Equal(SelfTestOutcome.Passed, c.Outcome));
    }

    [Fact]
    public async Task A_read_only_woocommerce_key_and_missing_webhooks_fail_with_their_fixes()
    {
        await using var bed = await FlowTestBed.StartAsync(StorePlatform.WooCommerce, StoreFeatures.Orders | StoreFeatures.Stock, PortalAddress);
        var key = bed.WooCommerce.ReadOnlyKey;
        await WriteAsync(bed, async db => (await db.Stores.SingleAsync()).ProtectedCredentials =
            bed.Host.Services.GetRequiredService<Secrets.SecretProtector>().Protect(new Portal.Sync.WooCommerce.WooCommerceCredentials(key.ConsumerKey, key.ConsumerSecret).ToJson()));

        var report = await RunAsync(bed, FakeMappingCoverage.Complete(0));

        var access = report.Checks.Single(c => c.Name == StoreSelfTest.StoreAccess);
        Assert.Equal((SelfTestOutcome.Failed, $"stores/{bed.StoreId}/settings?tab=connection"), (access.Outcome, access.FixPath));
        Assert.Contains("Read/Write key", access.Message);
        var webhooks = report.Checks.Single(c => c.Name == WebhookSubscriptionCheck.Name);
        Assert.Equal((SelfTestOutcome.Failed, $"stores/{bed.StoreId}/settings?tab=monitor"), (webhooks.Outcome, webhooks.FixPath));
        Assert.Contains("order.created is not subscribed", webhooks.Message);
        Assert.EndsWith("Register webhooks again.", webhooks.Message);
        var locations = report.Checks.Single(c => c.Name == MappingChecks.Locations);
        Assert.Equal((SelfTestOutcome.Failed, $"stores/{bed.StoreId}/mappings/locations"), (locations.Outcome, locations.FixPath));
        Assert.Equal(SelfTestOutcome.Warning, report.Checks.Single(c => c.Name == StoreSelfTest.DryRun).Outcome);
    }

    private static async Task<FlowTestBed> ShopifyBedAsync()
    {
        // Odoo's retries wait on the test's clock, which stands still: a refused connection fails at once.
        var bed = await FlowTestBed.StartAsync(StorePlatform.Shopify, StoreFeatures.Orders | StoreFeatures.Payments | StoreFeatures.Customers, PortalAddress,
            services => services.Configure<OdooClientOptions>(o => o.MaxRetries = 0));
        bed.Shopify.GrantedScopes = ShopifyScopes(bed);
        return bed;
    }

    private static string[] ShopifyScopes(FlowTestBed bed) =>
        bed.Host.Services.GetRequiredService<IOptions<ShopifyOptions>>().Value.Scopes.Split(',');

    private static async Task RegisterWebhooksAsync(FlowTestBed bed)
    {
        var secrets = bed.Host.Services.GetRequiredService<Secrets.SecretProtector>();
        await WriteAsync(bed, async db => (await db.Stores.SingleAsync()).ProtectedWebhookSecret = secrets.Protect("webhook-secret"));
        await bed.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(bed.TenantId, SubscriptionSyncFlow.Request(bed.StoreId, "Flow store", "test"));
        await bed.RunJobsAsync();
        var job = (await bed.JobsAsync(SubscriptionSyncFlow.Name)).Single();
        Assert.True(job.State == JobState.Succeeded, job.LastError);
    }

    private static async Task<SelfTestReport> RunAsync(FlowTestBed bed, IMappingCoverage coverage)
    {
        await using var scope = bed.Host.ScopeFor(bed.TenantId, TenantRole.Viewer);
        return await ActivatorUtilities.CreateInstance<StoreSelfTest>(scope.ServiceProvider, coverage).RunAsync(bed.StoreId);
    }

    private static async Task<int> PartnerCountAsync(FlowTestBed bed) => (await bed.Odoo.Client.SearchAsync("res.partner", OdooDomain.All)).Count;

    private static Task<int> CountAsync<T>(FlowTestBed bed, Func<PortalDbContext, IQueryable<T>> rows)
        where T : class => ReadAsync(bed, db => rows(db).IgnoreQueryFilters().CountAsync());

    private static async Task<T> ReadAsync<T>(FlowTestBed bed, Func<PortalDbContext, Task<T>> read)
    {
        await using var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    private static async Task WriteAsync(FlowTestBed bed, Func<PortalDbContext, Task> write)
    {
        await using var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.TenantId));
        await write(db);
        await db.SaveChangesAsync();
    }
}
