using Bunit;
using MudBlazor;
using Portal.Components.Pages.Health;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Health;
using Portal.Sync.Jobs;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

public class HealthPageTests : IAsyncLifetime
{
    private PageTestContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task StartAsAsync(TenantRole role)
    {
        context = await PageTestContext.StartAsync(role);
        await using (var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(Sync.Tenancy.TenantContext.SystemFor(context.TenantId)))
        {
            db.OdooConnections.Add(new OdooConnection { Url = "https://erp.alpha.test", Database = "alpha", Login = "sync@alpha.test", ProtectedApiKey = "sealed" });
            db.HealthChecks.Add(new HealthCheck
            {
                Target = HealthTargets.Odoo,
                Healthy = false,
                LatencyMs = 84,
                Summary = "Odoo rejected the API key for 'sync@alpha.test'.",
                FixPath = "odoo",
                CheckedAt = context.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        await context.Services.GetRequiredService<JobStore>().EnqueueAsync(context.TenantId, new JobRequest("orders.import", "Order #1001", "order:1001", "orders/create:1001"));
        context.Clock.Advance(TimeSpan.FromMinutes(7));
        context.Bunit.Render<MudPopoverProvider>();
    }

    private IRenderedComponent<HealthPage> RenderPage() => context.Bunit.Render<HealthPage>(p => p.Add(h => h.TenantId, context.TenantId));

    [Fact]
    public async Task It_shows_the_latest_connection_check_with_its_fix_and_the_queues()
    {
        await StartAsAsync(TenantRole.Viewer);

        var page = RenderPage();

        var odoo = page.WaitForElement("[data-testid=health-checks] tr[data-target=odoo]");
        Assert.Contains("Failing", odoo.TextContent, StringComparison.Ordinal);
        Assert.Contains("Odoo rejected the API key for 'sync@alpha.test'.", odoo.TextContent, StringComparison.Ordinal);
        Assert.Contains("84 ms", odoo.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/t/{context.TenantId}/odoo", odoo.QuerySelector("a")!.GetAttribute("href"));
        var orders = page.Find("[data-testid=health-flows] tr[data-flow='orders.import']");
        Assert.Equal(["orders.import", "1", "7 min", "0", "0", "0", "0", "0", "never"], orders.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Check now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Operators_may_check_now()
    {
        await StartAsAsync(TenantRole.Finance);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("Check now", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_store_shows_its_check_its_last_poll_and_its_webhook_subscriptions()
    {
        await StartAsAsync(TenantRole.Viewer);
        var now = context.Clock.GetUtcNow();
        await using (var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(Sync.Tenancy.TenantContext.SystemFor(context.TenantId)))
        {
            var store = new Store { Platform = StorePlatform.Shopify, Name = "Alpha EU", Address = "alpha.myshopify.com", CreatedAt = now };
            db.Stores.Add(store);
            db.HealthChecks.Add(new HealthCheck { Target = HealthTargets.Store(store.Id), Healthy = true, LatencyMs = 120, Summary = "Alpha EU: Alpha (EUR).", RateLimitRemaining = 1950, CheckedAt = now });
            db.SyncCursors.Add(new SyncCursor { StoreId = store.Id, Stream = "orders", Position = now.AddMinutes(-3), UpdatedAt = now.AddMinutes(-1) });
            db.WebhookSubscriptions.Add(new WebhookSubscription { StoreId = store.Id, Topic = "orders/create", Address = "https://portal.example.com/x", Status = WebhookSubscriptionStatus.Repaired, CheckedAt = now });
            db.WebhookSubscriptions.Add(new WebhookSubscription { StoreId = store.Id, Topic = "refunds/create", Address = "https://portal.example.com/x", Status = WebhookSubscriptionStatus.Failed, Problem = "Topic is not supported.", CheckedAt = now });
            await db.SaveChangesAsync();
        }

        var page = RenderPage();

        var check = page.WaitForElement("[data-testid=health-checks] tr[data-target^='store:']");
        Assert.StartsWith("Alpha EU (Shopify)", check.QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("1950", check.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last polled 2026-11-24 09:06:00 UTC; changes up to 2026-11-24 09:04:00 UTC are queued.", page.Find("[data-testid=store-poll]").TextContent, StringComparison.Ordinal);
        var rows = page.FindAll("[data-testid=store-subscriptions] tbody tr");
        Assert.Equal(["orders/create", "Repaired"], rows[0].QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()));
        Assert.Equal(["refunds/create", "Failed", "Topic is not supported."], rows[1].QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()));
    }
}
