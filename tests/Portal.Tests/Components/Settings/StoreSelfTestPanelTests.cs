using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Pages.Stores.Components;
using Portal.Data.Entities;
using Portal.Fakes.Orders;
using Portal.Fakes.WooCommerce;
using Portal.Sync.Secrets;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Settings.SelfTest;
using Portal.Sync.Stores;
using Portal.Sync.WooCommerce;

namespace Portal.Tests.Components.Settings;

public class StoreSelfTestPanelTests : IAsyncLifetime
{
    private StoreSettingsContext context = default!;
    private FakeWooCommerceServer? site;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }

    [Fact]
    public async Task Run_tests_lists_each_check_with_its_outcome_in_words_and_a_fix_link_and_the_dry_run_orders()
    {
        site = await FakeWooCommerceServer.StartAsync();
        var orderId = site.Shop.AddOrder(new FakeOrderSpec { Lines = [new FakeOrderLineSpec("NO-SUCH-SKU", "Chair", 1, 20m, [])] });
        context = await StoreSettingsContext.StartAsync(TenantRole.Viewer, odooConnected: true, services => services
            .Configure<StoresOptions>(o => o.AllowLoopbackAddresses = true)
            .AddSingleton<IMappingCoverage>(new FakeMappingCoverage(new MappingCoverage(1, 0, [new SeenTaxLine("GST", 0.05m, "CA", false, 1, null)], [], []))));
        var credentials = context.Pages.Services.GetRequiredService<SecretProtector>()
            .Protect(new WooCommerceCredentials(site.ReadWriteKey.ConsumerKey, site.ReadWriteKey.ConsumerSecret).ToJson());
        await context.ReadAsync(db => db.Stores.Where(s => s.Id == context.StoreId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Platform, StorePlatform.WooCommerce).SetProperty(x => x.Address, site.Url.AbsoluteUri).SetProperty(x => x.ProtectedCredentials, credentials)
            .SetProperty(x => x.Features, StoreFeatures.Orders | StoreFeatures.Customers)));
        var panel = Render();
        Assert.Empty(panel.FindAll("[data-testid=self-test-checks]"));

        await panel.FindAll("button").Single(b => b.TextContent.Trim() == "Run tests").ClickAsync(new());

        var checks = panel.WaitForElement("[data-testid=self-test-checks]", TimeSpan.FromSeconds(30));
        var connection = checks.QuerySelector($"tr[data-check='{StoreSelfTest.StoreConnection}']")!;
        Assert.Contains("Passed", connection.TextContent, StringComparison.Ordinal);
        Assert.NotNull(connection.QuerySelector("svg[aria-hidden=true]"));
        var taxes = checks.QuerySelector("tr[data-check='Tax mappings']")!;
        Assert.Contains("Failed", taxes.TextContent, StringComparison.Ordinal);
        Assert.Contains("'GST' (5 %, CA, prices excluding tax) in 1 order", taxes.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/t/{context.Pages.TenantId}/stores/{context.StoreId}/mappings/taxes", taxes.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Fix: Tax mappings", taxes.QuerySelector("a")!.GetAttribute("aria-label"));

        var order = panel.Find($"[data-testid=self-test-orders] tr[data-order='{orderId}']");
        Assert.Equal(nameof(SelfTestOutcome.Failed), order.GetAttribute("data-outcome"));
        Assert.Contains("No Odoo product has SKU 'NO-SUCH-SKU' (line 'Chair').", order.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/t/{context.Pages.TenantId}/stores/{context.StoreId}/mappings/products?sku=NO-SUCH-SKU", order.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("dry run: 0 of 1 orders would import", panel.Find("[data-testid=self-test-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_without_credentials_and_a_tenant_without_odoo_fail_their_checks_with_links_to_connect_them()
    {
        context = await StoreSettingsContext.StartAsync(TenantRole.Viewer, odooConnected: false, services => services
            .AddSingleton<IMappingCoverage>(new FakeMappingCoverage(new MappingCoverage(0, 0, [], [], []))));
        var panel = Render();

        await panel.FindAll("button").Single(b => b.TextContent.Trim() == "Run tests").ClickAsync(new());

        var checks = panel.WaitForElement("[data-testid=self-test-checks]", TimeSpan.FromSeconds(30));
        var store = checks.QuerySelector($"tr[data-check='{StoreSelfTest.StoreConnection}']")!;
        Assert.Contains("Failed", store.TextContent, StringComparison.Ordinal);
        Assert.Contains("has no API credentials yet: connect it again", store.TextContent, StringComparison.Ordinal);
        var odoo = checks.QuerySelector($"tr[data-check='{StoreSelfTest.OdooConnection}']")!;
        Assert.Contains("No Odoo database is connected yet.", odoo.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/t/{context.Pages.TenantId}/odoo", odoo.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=self-test-orders]"));
    }

    private IRenderedComponent<StoreSelfTestPanel> Render() =>
        context.Pages.Bunit.Render<StoreSelfTestPanel>(p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId));
}
