using System.Text;
using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Portal.Components.Pages.Webhooks;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

public class WebhooksPageTests : IAsyncLifetime
{
    private const string Rows = "[data-testid=webhooks-grid] tbody tr.mud-table-row";
    private const string Truncated = """{"id": 820982911946154508, "email": "jon@exam""";
    private const string NotJson = "The body is not valid JSON: expected depth to be zero at the end of the JSON payload.";
    private PageTestContext context = default!;
    private Guid jobId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task StartAsAsync(TenantRole role)
    {
        context = await PageTestContext.StartAsync(role);
        jobId = (await context.Services.GetRequiredService<JobStore>().EnqueueAsync(
            context.TenantId, new JobRequest("orders.import", "Order #1001", "order:1001", "Shopify:orders/create:1001"))).JobId;
        await using (var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(context.TenantId)))
        {
            var shop = new Store { Name = "Alpha EU", Platform = StorePlatform.Shopify, Address = "alpha.myshopify.com" };
            db.Stores.Add(shop);
            db.WebhookDeliveries.AddRange(
                Delivery(shop, "orders/create", 0, """{"id":1001}""", WebhookDeliveryStatus.Accepted, null, jobId),
                Delivery(shop, "orders/updated", 1, Truncated, WebhookDeliveryStatus.Malformed, NotJson),
                Delivery(shop, "carts/create", 2, "{}", WebhookDeliveryStatus.Unsupported, "The connector does not use the topic 'carts/create'."));
            await db.SaveChangesAsync();
        }

        context.Bunit.Render<MudPopoverProvider>();
    }

    private WebhookDelivery Delivery(Store shop, string topic, int minute, string body, WebhookDeliveryStatus status, string? problem, Guid? job = null) => new()
    {
        StoreId = shop.Id,
        Topic = topic,
        DeliveryKey = $"event-{minute}",
        ReceivedAt = context.Clock.GetUtcNow().AddMinutes(minute),
        Body = Encoding.UTF8.GetBytes(body),
        ContentType = "application/json",
        Headers = $$"""{"X-Shopify-Topic":"{{topic}}","X-Shopify-Event-Id":"event-{{minute}}"}""",
        Status = status,
        Problem = problem,
        JobId = job,
        DuplicatesSkipped = minute,
    };

    private IRenderedComponent<WebhooksPage> RenderPage() => context.Bunit.Render<WebhooksPage>(p => p.Add(w => w.TenantId, context.TenantId));

    /// <summary>Renders the page and clicks the row at <paramref name="row"/> (newest first) to open its detail.</summary>
    private async Task<(IRenderedComponent<WebhooksPage> Page, IElement Detail)> OpenAsync(int row)
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(Rows).Count));
        await page.FindAll(Rows)[row].ClickAsync(new());
        return (page, page.WaitForElement("[data-testid=delivery-detail]"));
    }

    private static string Fact(IElement detail, string name) =>
        detail.QuerySelectorAll("[data-testid=delivery-facts] tr").Single(tr => tr.QuerySelector("th")!.TextContent == name).QuerySelector("td")!.TextContent.Trim();

    private static string[] Topics(IRenderedComponent<WebhooksPage> page) =>
        page.FindAll(Rows).Select(row => row.QuerySelectorAll("td")[2].TextContent.Trim()).ToArray();

    [Fact]
    public async Task A_viewer_sees_a_malformed_delivery_with_its_problem_apart_from_the_unsupported_one()
    {
        await StartAsAsync(TenantRole.Viewer);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(["carts/create", "orders/updated", "orders/create"], Topics(page)));
        var malformed = page.FindAll(Rows)[1];
        Assert.Contains(NotJson, malformed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alpha EU (Shopify)", malformed.TextContent, StringComparison.Ordinal);
        var malformedChip = malformed.QuerySelector("[data-status=Malformed]")!;
        var unsupportedChip = page.FindAll(Rows)[0].QuerySelector("[data-status=Unsupported]")!;
        Assert.Contains("mud-chip-color-error", malformedChip.ClassList);
        Assert.DoesNotContain("mud-chip-color-error", unsupportedChip.ClassList);
        Assert.NotEqual(malformedChip.QuerySelector("svg")!.InnerHtml, unsupportedChip.QuerySelector("svg")!.InnerHtml);
    }

    [Fact]
    public async Task Opening_a_malformed_delivery_shows_its_raw_body_and_headers()
    {
        await StartAsAsync(TenantRole.Viewer);

        var (page, detail) = await OpenAsync(row: 1);

        Assert.Equal(Truncated, detail.QuerySelector("pre[data-testid=delivery-body]")!.TextContent);
        Assert.Equal(NotJson, detail.QuerySelector("[data-testid=delivery-problem]")!.TextContent.Trim());
        Assert.Equal(
            [["X-Shopify-Topic", "orders/updated"], ["X-Shopify-Event-Id", "event-1"]],
            detail.QuerySelectorAll("[data-testid=delivery-headers] tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()));
        Assert.Equal("1", Fact(detail, "Duplicates skipped"));
        Assert.StartsWith("None: nothing runs", Fact(detail, "Job"), StringComparison.Ordinal);

        await page.Find("button[aria-label='Close webhook detail']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.False(page.FindComponent<MudDrawer>().Instance.Open));
    }

    [Fact]
    public async Task An_accepted_delivery_shows_its_json_and_links_to_its_job()
    {
        await StartAsAsync(TenantRole.Viewer);

        var (_, detail) = await OpenAsync(row: 2);

        Assert.Equal("{\n  \"id\": 1001\n}", detail.QuerySelector("[data-testid=delivery-body]")!.TextContent.ReplaceLineEndings("\n"));
        Assert.Equal($"/t/{context.TenantId}/jobs?job={jobId}", detail.QuerySelector("a[data-testid=delivery-job]")!.GetAttribute("href"));
        Assert.Empty(detail.QuerySelectorAll("[data-testid=delivery-problem]"));
    }

    [Fact]
    public async Task The_status_filter_narrows_the_list()
    {
        await StartAsAsync(TenantRole.Viewer);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(Rows).Count));
        var statusFilter = page.FindComponents<MudSelect<WebhookDeliveryStatus?>>().Single();

        await page.InvokeAsync(() => statusFilter.Instance.ValueChanged.InvokeAsync(WebhookDeliveryStatus.Malformed));
        page.WaitForAssertion(() => Assert.Equal(["orders/updated"], Topics(page)));

        await page.InvokeAsync(() => statusFilter.Instance.ValueChanged.InvokeAsync(WebhookDeliveryStatus.Accepted));
        page.WaitForAssertion(() => Assert.Equal(["orders/create"], Topics(page)));

        await page.InvokeAsync(() => statusFilter.Instance.ValueChanged.InvokeAsync(null));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(Rows).Count));
    }
}
