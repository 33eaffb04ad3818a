using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Components.Pages.Jobs;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components;

public class JobsPageTests : IAsyncLifetime
{
    private const string TaxError = "No tax mapping for 'FR TVA 20%' (20 %, FR, included)";
    private PageTestContext context = default!;

    private JobStore Store => context.Services.GetRequiredService<JobStore>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task StartAsAsync(TenantRole role)
    {
        context = await PageTestContext.StartAsync(role, $"{role.ToString().ToLowerInvariant()}@alpha.test");
        for (var i = 1; i <= 3; i++)
        {
            await ParkAsync($"100{i}", new JobConfigurationException(TaxError, "mappings/tax"));
        }

        await ParkAsync("2001", new JobConfigurationException("No journal mapping for gateway 'stripe'", "mappings/journal"));
        await Store.EnqueueAsync(context.TenantId, new JobRequest("stock.push", "SKU FURN_7800", "sku:FURN_7800", "stock:1", """{"sku":"FURN_7800"}"""));
        context.Bunit.Render<MudPopoverProvider>();
    }

    private async Task ParkAsync(string order, Exception error)
    {
        await Store.EnqueueAsync(context.TenantId, new JobRequest("orders.import", $"Order #{order}", $"order:{order}", $"orders/create:{order}", $$"""{"orderId":{{order}}}"""));
        var job = Assert.Single(await Store.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5)));
        await Store.FailAsync(job, "node-a", JobFailures.From(error), TimeSpan.FromMilliseconds(250));
        context.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    private IRenderedComponent<JobsPage> RenderPage() => context.Bunit.Render<JobsPage>(p => p.Add(j => j.TenantId, context.TenantId));

    private async Task<JobState> StateOfAsync(string subject)
    {
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await db.Jobs.IgnoreQueryFilters().Where(j => j.Subject == subject).Select(j => j.State).SingleAsync();
    }

    private List<string> Snackbars() => context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    [Fact]
    public async Task The_grid_lists_the_newest_change_first_and_filters_by_state_and_text()
    {
        await StartAsAsync(TenantRole.Viewer);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=jobs-grid] tbody tr.mud-table-row").Count));
        Assert.Contains("SKU FURN_7800", page.FindAll("[data-testid=jobs-grid] tbody tr.mud-table-row")[0].TextContent, StringComparison.Ordinal);

        var stateFilter = page.FindComponents<MudSelect<JobState?>>().Single();
        await page.InvokeAsync(() => stateFilter.Instance.ValueChanged.InvokeAsync(JobState.Pending));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=jobs-grid] tbody tr.mud-table-row")));

        await page.InvokeAsync(() => stateFilter.Instance.ValueChanged.InvokeAsync(null));
        var search = page.FindComponents<MudTextField<string>>().Single();
        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("stripe"));
        page.WaitForAssertion(() => Assert.Contains("Order #2001", Assert.Single(page.FindAll("[data-testid=jobs-grid] tbody tr.mud-table-row")).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failures_are_grouped_by_root_cause_with_a_fix_link_and_retry_all()
    {
        await StartAsAsync(TenantRole.Finance);
        var page = RenderPage();

        var taxGroup = page.WaitForElement("[data-testid=failure-group]");
        Assert.Contains($"3 jobs blocked (Configuration): {TaxError}", taxGroup.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/t/{context.TenantId}/mappings/tax", taxGroup.QuerySelector("a")!.GetAttribute("href"));

        var retryAll = taxGroup.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Retry all 3", StringComparison.Ordinal));
        await retryAll.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=failure-group]")));
        Assert.Equal(JobState.Pending, await StateOfAsync("Order #1002"));
        Assert.Contains("3 jobs will run again now.", Snackbars());
    }

    [Fact]
    public async Task The_detail_drawer_shows_the_job_and_retries_it()
    {
        await StartAsAsync(TenantRole.Admin);
        var page = RenderPage();
        var row = page.WaitForElement("[data-testid=jobs-grid] tbody tr.mud-table-row:nth-child(5)");
        Assert.Contains("Order #1001", row.TextContent, StringComparison.Ordinal);

        await row.ClickAsync(new());

        var detail = page.WaitForElement("[data-testid=job-detail]");
        Assert.Contains("""{"orderId":1001}""", detail.QuerySelector("[data-testid=job-payload]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(TaxError, detail.QuerySelector("[data-testid=job-attempts]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0.25 s", detail.QuerySelector("[data-testid=job-attempts]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, detail.QuerySelectorAll("[data-testid=job-history] tbody tr").Count);

        await Button(page, "[data-testid=job-detail]", "Retry now").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=job-history] tbody tr").Count));
        Assert.Contains("admin@alpha.test", page.FindAll("[data-testid=job-history] tbody tr")[3].TextContent, StringComparison.Ordinal);
        Assert.Equal(JobState.Pending, await StateOfAsync("Order #1001"));
        Assert.Contains("Order #1001 will run again now.", Snackbars());
    }

    [Fact]
    public async Task A_link_naming_a_job_opens_its_detail()
    {
        await StartAsAsync(TenantRole.Viewer);
        var jobId = await IdOfAsync("Order #2001");

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("job", jobId));

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("Order #2001", page.Find("[data-testid=job-detail] h2").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrying_a_job_that_changed_meanwhile_does_nothing_and_says_so()
    {
        await StartAsAsync(TenantRole.Owner);
        var page = RenderPage();
        await page.WaitForElement("[data-testid=jobs-grid] tbody tr.mud-table-row:nth-child(5)").ClickAsync(new());
        page.WaitForElement("[data-testid=job-detail]");
        var jobId = await IdOfAsync("Order #1001");
        Assert.True(await Store.RetryAsync(context.TenantId, jobId, JobState.NeedsAttention, "someone-else@alpha.test"));

        await Button(page, "[data-testid=job-detail]", "Retry now").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Order #1001 was not retried: it changed meanwhile. The list shows where it is now.", Snackbars()));
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        Assert.Equal(1, await db.JobStateChanges.IgnoreQueryFilters().CountAsync(c => c.JobId == jobId && c.Reason == "retried"));
    }

    [Fact]
    public async Task Retry_selected_retries_the_checked_rows()
    {
        await StartAsAsync(TenantRole.Finance);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=jobs-grid] tbody tr.mud-table-row").Count));
        foreach (var subject in new[] { "Order #1001", "Order #2001" })
        {
            await page.Find($"input[aria-label='Select {subject}']").ChangeAsync(new() { Value = true });
        }

        var retrySelected = page.Find("[data-testid=retry-selected]");
        Assert.Contains("Retry selected (2)", retrySelected.TextContent, StringComparison.Ordinal);
        await retrySelected.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("2 jobs will run again now.", Snackbars()));
        Assert.Equal((JobState.Pending, JobState.Pending, JobState.NeedsAttention),
            (await StateOfAsync("Order #1001"), await StateOfAsync("Order #2001"), await StateOfAsync("Order #1002")));
    }

    [Fact]
    public async Task Ignoring_asks_for_a_reason_and_keeps_it()
    {
        await StartAsAsync(TenantRole.Finance);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = RenderPage();
        await page.WaitForElement("[data-testid=jobs-grid] tbody tr.mud-table-row:nth-child(5)").ClickAsync(new());
        page.WaitForElement("[data-testid=job-detail]");

        // The click's handler waits for the dialog's answer, so it completes only once the dialog closes.
        var ignoring = Button(page, "[data-testid=job-detail]", "Ignore").ClickAsync(new());
        var ignore = dialogs.WaitForElement(".mud-dialog");
        await ignore.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Ignore").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Say why the job should not run", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(JobState.NeedsAttention, await StateOfAsync("Order #1001"));

        await dialogs.Find("textarea").InputAsync(new() { Value = "Test order, never for Odoo" });
        await dialogs.Find("textarea").ChangeAsync(new() { Value = "Test order, never for Odoo" });
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Ignore").ClickAsync(new());
        await ignoring;

        page.WaitForAssertion(() => Assert.Contains("Order #1001 is ignored.", Snackbars()));
        Assert.Equal(JobState.Cancelled, await StateOfAsync("Order #1001"));
        Assert.Contains("ignored: Test order, never for Odoo", page.Find("[data-testid=job-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_everything_but_has_no_actions()
    {
        await StartAsAsync(TenantRole.Viewer);
        var page = RenderPage();
        var taxGroup = page.WaitForElement("[data-testid=failure-group]");
        await page.WaitForElement("[data-testid=jobs-grid] tbody tr.mud-table-row:nth-child(5)").ClickAsync(new());
        page.WaitForElement("[data-testid=job-detail]");

        Assert.Equal(["Fix"], taxGroup.QuerySelectorAll("a, button").Select(e => e.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=retry-selected]"));
        Assert.Empty(page.FindAll("[data-testid=jobs-grid] input[type=checkbox]"));
        Assert.DoesNotContain(page.FindAll("[data-testid=job-detail] button"), b => b.TextContent.Contains("Retry", StringComparison.Ordinal) || b.TextContent.Contains("Ignore", StringComparison.Ordinal));
    }

    private async Task<Guid> IdOfAsync(string subject)
    {
        await using var db = context.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await db.Jobs.IgnoreQueryFilters().Where(j => j.Subject == subject).Select(j => j.Id).SingleAsync();
    }

    private static IElement Button(IRenderedComponent<JobsPage> page, string within, string text) =>
        page.FindAll($"{within} button").Single(b => b.TextContent.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task The_page_updates_itself_while_it_is_open()
    {
        await StartAsAsync(TenantRole.Viewer);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=jobs-grid] tbody tr.mud-table-row").Count));

        await Store.EnqueueAsync(context.TenantId, new JobRequest("stock.push", "SKU DESK_0001", "sku:DESK_0001", "stock:2"));
        context.Clock.Advance(TimeSpan.FromSeconds(3));

        page.WaitForAssertion(() => Assert.Contains("SKU DESK_0001", page.Find("[data-testid=jobs-grid] tbody").TextContent, StringComparison.Ordinal));
    }
}
