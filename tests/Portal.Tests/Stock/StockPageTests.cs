using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Components.Pages.Stock;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Stock;

public class StockPageTests : IAsyncLifetime
{
    private PageTestContext context = default!;
    private Guid storeId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task StartAsAsync(TenantRole role)
    {
        context = await PageTestContext.StartAsync(role, $"{role.ToString().ToLowerInvariant()}@alpha.test");
        context.Bunit.Render<MudPopoverProvider>();
        await WriteAsync(db =>
        {
            var store = new Store { Name = "Alpha Shop", Platform = StorePlatform.Shopify, Address = "alpha.myshopify.com", Enabled = true, ProtectedCredentials = "sealed" };
            db.Stores.Add(store);
            storeId = store.Id;
        });
    }

    private async Task WriteAsync(Action<PortalDbContext> write)
    {
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.TenantId));
        write(db);
        await db.SaveChangesAsync();
    }

    private async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.TenantId));
        return await read(db);
    }

    private IRenderedComponent<StockPage> RenderPage() =>
        context.Bunit.Render<StockPage>(p => p.Add(s => s.TenantId, context.TenantId).Add(s => s.StoreId, storeId));

    private static Task ClickAsync(IRenderedComponent<StockPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Contains(text, StringComparison.Ordinal)).ClickAsync(new());

    [Fact]
    public async Task A_percent_buffer_over_100_is_refused_on_the_page_and_a_valid_rule_is_saved_and_audited()
    {
        await StartAsAsync(TenantRole.Admin);
        var page = RenderPage();
        page.WaitForElement("[data-testid=buffer]");
        await page.InvokeAsync(() => page.FindComponents<MudSelect<StockBufferKind>>().Single().Instance.ValueChanged.InvokeAsync(StockBufferKind.Percent));
        var buffer = page.FindComponents<MudNumericField<decimal>>().Single();
        await page.InvokeAsync(() => buffer.Instance.ValueChanged.InvokeAsync(150m));

        await ClickAsync(page, "Save");

        page.WaitForAssertion(() => Assert.Contains("Enter a buffer between 0 and 100 %.", page.Markup, StringComparison.Ordinal));
        Assert.Null(await ReadAsync(db => db.StoreOutboundSettings.SingleOrDefaultAsync()));

        await page.InvokeAsync(() => page.FindComponents<MudSelect<StockQuantityRule>>().Single().Instance.ValueChanged.InvokeAsync(StockQuantityRule.Forecast));
        await page.InvokeAsync(() => buffer.Instance.ValueChanged.InvokeAsync(20m));
        await ClickAsync(page, "Save");

        var saved = await ReadAsync(db => db.StoreOutboundSettings.SingleAsync());
        Assert.Equal((StockQuantityRule.Forecast, StockBufferKind.Percent, 20m), (saved.QuantityRule, saved.BufferKind, saved.BufferValue));
        var audit = await ReadAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "stock-settings.saved"));
        Assert.Contains("FreeQuantity less 0 units → Forecast less 20 %", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_reconciliation_shows_its_progress_and_its_report_once_it_finished()
    {
        await StartAsAsync(TenantRole.Viewer);
        var run = new SyncRun
        {
            TenantId = context.TenantId, StoreId = storeId, Kind = SyncRunKind.StockReconciliation, State = SyncRunState.Running,
            Total = 200, Processed = 50, StartedAt = context.Clock.GetUtcNow(),
        };
        await WriteAsync(db => db.SyncRuns.Add(run));
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("50 of 200 variants checked", page.Find("[data-testid=progress-text]").TextContent.Trim()));
        Assert.Equal(25, page.FindComponents<MudProgressLinear>().Single(p => p.Instance.Class == "mb-3").Instance.Value);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Reconcile now", StringComparison.Ordinal));

        await WriteAsync(db =>
        {
            db.SyncRuns.Attach(run);
            (run.Processed, run.State, run.Changed, run.Summary) = (200, SyncRunState.Succeeded, 3, "200 variants checked, 3 were wrong and were fixed.");
        });
        context.Clock.Advance(TimeSpan.FromSeconds(2));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=progress]")));
        page.WaitForAssertion(() => Assert.Contains("200 variants checked, 3 were wrong and were fixed.", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconcile_now_starts_a_run_in_the_persons_name_and_queues_its_job()
    {
        await StartAsAsync(TenantRole.Finance);
        var page = RenderPage();
        page.WaitForElement("[data-testid=buffer]");

        await ClickAsync(page, "Reconcile now");

        var run = await ReadAsync(db => db.SyncRuns.SingleAsync());
        Assert.Equal(("finance@alpha.test", SyncRunState.Running), (run.StartedBy, run.State));
        Assert.Contains($"run-{run.Id}", (await ReadAsync(db => db.Jobs.SingleAsync(j => j.Flow == StockReconcileFlow.Name))).IdentityKey, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("Listing the store's stock…", page.Find("[data-testid=progress-text]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_deliveries_card_sends_shipment_notifications_to_the_stores_features_tab()
    {
        await StartAsAsync(TenantRole.Admin);
        var page = RenderPage();

        var card = page.WaitForElement("[data-testid=deliveries-settings]");

        Assert.Contains("e-mails the customer the shipment and its tracking", card.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/t/{context.TenantId}/stores/{storeId}/settings?tab=features", card.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindComponents<MudSwitch<bool>>());
    }
}
