using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Components.Pages.Stores;
using Portal.Data.Entities;
using Portal.Sync.Flows.Products;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;

namespace Portal.Tests.Components.Settings;

/// <summary>The Connection tab of a store's settings: masked secrets, the connection test and the quick actions.</summary>
public class StoreConnectionTabTests : IAsyncLifetime
{
    private StoreSettingsContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<StoreSettingsPage>> RenderAsync(TenantRole role, string token = "shpat_good")
    {
        context = await StoreSettingsContext.StartAsync(role, odooConnected: false, services =>
        {
            services.RemoveAll<IStorePlatformClients>();
            services.AddSingleton<IStorePlatformClients>(new StubStorePlatform(StorePlatform.Shopify, new ShopifyCredentials("shpat_good").ToJson(), "Alpha Shop"));
        });
        var secrets = context.Pages.Services.GetRequiredService<SecretProtector>();
        await context.ReadAsync(async db =>
        {
            var store = await db.Stores.SingleAsync();
            store.ProtectedCredentials = secrets.Protect(new ShopifyCredentials(token).ToJson());
            store.ProtectedWebhookSecret = secrets.Protect("app-secret-value");
            return await db.SaveChangesAsync();
        });
        return context.Render<StoreSettingsPage>(context.Route("settings?tab=connection"),
            p => p.Add(s => s.TenantId, context.Pages.TenantId).Add(s => s.StoreId, context.StoreId));
    }

    private static Task ClickAsync(IRenderedComponent<StoreSettingsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());

    [Fact]
    public async Task The_store_and_whether_its_secrets_are_set_show_but_never_the_secrets()
    {
        var page = await RenderAsync(TenantRole.Owner);

        var table = page.WaitForElement("[data-testid=store-connection]").TextContent;
        Assert.Contains("alpha-eu.myshopify.com", table, StringComparison.Ordinal);
        Assert.Contains("•••••••• (saved, encrypted)", page.Find("[data-testid=webhook-secret]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret-value", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("shpat_good", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shpat_good", "Alpha EU: Alpha Shop (EUR); access: read_orders.")]
    [InlineData("shpat_revoked", "Alpha EU: The access token was rejected.")]
    public async Task Test_connection_asks_the_store_with_the_saved_credentials_and_shows_its_answer(string token, string answer)
    {
        var page = await RenderAsync(TenantRole.Admin, token);

        await ClickAsync(page, "Test connection");

        page.WaitForAssertion(() => Assert.Equal(answer, page.Find("[data-testid=connection-test]").TextContent.Trim()));
    }

    [Fact]
    public async Task Import_recent_orders_refuses_too_many_days_and_otherwise_says_what_it_queued()
    {
        var page = await RenderAsync(TenantRole.Admin);
        var days = StoreSettingsContext.Field(page.WaitForElement("form"), "Days back");
        await days.ChangeAsync(new() { Value = "90" });

        await ClickAsync(page, "Import recent orders");

        page.WaitForAssertion(() => Assert.Contains("Import the orders of the last 1 to 60 days.", page.Find("form").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await context.ReadAsync(db => db.Jobs.CountAsync()));

        await StoreSettingsContext.Field(page.Find("form"), "Days back").ChangeAsync(new() { Value = "3" });
        await ClickAsync(page, "Import recent orders");

        page.WaitForAssertion(() => Assert.Contains($"Queued a {RecentOrdersImportFlow.Name} job: each order Alpha EU changed in the last 3 days becomes an orders.sync job",
            page.Find("[data-testid=quick-action-result]").TextContent, StringComparison.Ordinal));
        var job = await context.ReadAsync(db => db.Jobs.SingleAsync());
        Assert.Equal((RecentOrdersImportFlow.Name, context.StoreId), (job.Flow, job.StoreId));
        Assert.Contains(context.Pages.Clock.GetUtcNow().AddDays(-3).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), job.Payload, StringComparison.Ordinal);
        Assert.Equal("orders changed in the last 3 days", await context.ReadAsync(db => db.AuditEntries.Where(e => e.Action == "orders.import-requested").Select(e => e.Details).SingleAsync()));
    }

    [Fact]
    public async Task Sync_products_queues_the_export_of_every_odoo_product_and_says_so()
    {
        var page = await RenderAsync(TenantRole.Admin);

        await ClickAsync(page, "Sync products");

        page.WaitForAssertion(() => Assert.Contains($"Queued a {ProductPollFlow.Name} job that exports every Odoo product to Alpha EU",
            page.Find("[data-testid=quick-action-result]").TextContent, StringComparison.Ordinal));
        Assert.Equal(ProductPollFlow.Name, await context.ReadAsync(db => db.Jobs.Select(j => j.Flow).SingleAsync()));
    }

    [Fact]
    public async Task A_viewer_sees_the_connection_but_no_action()
    {
        var page = await RenderAsync(TenantRole.Viewer);

        page.WaitForElement("[data-testid=store-connection]");
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Replace credentials" or "Sync products" or "Import recent orders" or "Test connection");
        Assert.Contains("An owner or an admin of this tenant can queue these.", page.Markup, StringComparison.Ordinal);
    }
}
