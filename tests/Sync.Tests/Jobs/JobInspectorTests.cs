using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Jobs;

public class JobInspectorTests : IAsyncLifetime
{
    private const string TaxError = "No tax mapping for 'FR TVA 20%' (20 %, FR, included)";
    private SyncTestHost host = default!;
    private Guid alpha;
    private Guid bravo;

    private JobStore Store => host.Services.GetRequiredService<JobStore>();

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        alpha = await host.AddTenantAsync("Alpha");
        bravo = await host.AddTenantAsync("Bravo");
        for (var i = 1; i <= 3; i++)
        {
            await ParkAsync(alpha, $"100{i}", new JobConfigurationException(TaxError, "mappings/tax"));
        }

        await ParkAsync(alpha, "2001", new JobConfigurationException("No journal mapping for gateway 'stripe'", "mappings/journal"));
        await ParkAsync(bravo, "9001", new JobConfigurationException(TaxError, "mappings/tax"));

        // Enqueued last: ParkAsync claims whichever job is due first, of any tenant.
        await Store.EnqueueAsync(alpha, new JobRequest("stock.push", "SKU FURN_7800", "sku:FURN_7800", "stock:1"));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task ParkAsync(Guid tenant, string order, Exception error)
    {
        await Store.EnqueueAsync(tenant, new JobRequest("orders.import", $"Order #{order}", $"order:{tenant}:{order}", $"orders/create:{order}"));
        var job = Assert.Single(await Store.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5)));
        await Store.FailAsync(job, "node-a", JobFailures.From(error), TimeSpan.Zero);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    private static JobInspector InspectorAs(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<JobInspector>();

    [Fact]
    public async Task The_list_filters_sorts_and_pages_within_the_tenant()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);
        var inspector = InspectorAs(scope);

        var (parked, parkedTotal) = await inspector.ListAsync(new JobQuery(State: JobState.NeedsAttention, Sort: JobSort.Subject, Descending: false, PageSize: 2));
        var (secondPage, _) = await inspector.ListAsync(new JobQuery(State: JobState.NeedsAttention, Sort: JobSort.Subject, Descending: false, PageSize: 2, Page: 1));
        var (byText, _) = await inspector.ListAsync(new JobQuery(Text: "stripe"));
        var (byFlow, flowTotal) = await inspector.ListAsync(new JobQuery(Flow: "stock.push"));

        Assert.Equal(4, parkedTotal);
        Assert.Equal(["Order #1001", "Order #1002"], parked.Select(j => j.Subject));
        Assert.Equal(["Order #1003", "Order #2001"], secondPage.Select(j => j.Subject));
        Assert.Equal(["Order #2001"], byText.Select(j => j.Subject));
        Assert.Equal((1, JobState.Pending), (flowTotal, byFlow.Single().State));
        Assert.DoesNotContain(parked.Concat(secondPage), j => j.Subject == "Order #9001");
    }

    [Fact]
    public async Task Failures_are_grouped_by_root_cause_with_the_fix()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);

        var groups = await InspectorAs(scope).FailureGroupsAsync();

        Assert.Equal([(3, TaxError, "mappings/tax"), (1, "No journal mapping for gateway 'stripe'", "mappings/journal")], groups.Select(g => (g.Count, g.Message, g.FixPath)));
    }

    [Fact]
    public async Task Finance_retries_a_whole_group_and_it_is_audited()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Finance, "fiona@alpha.test");
        var inspector = InspectorAs(scope);
        var taxGroup = (await inspector.FailureGroupsAsync())[0];

        var retried = await inspector.RetryGroupAsync(taxGroup.Fingerprint);

        Assert.Equal(3, retried);
        var (pending, _) = await inspector.ListAsync(new JobQuery(State: JobState.Pending, Flow: "orders.import"));
        Assert.Equal(3, pending.Count);
        var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.SingleAsync(a => a.Action == "jobs.group-retried");
        Assert.Equal(("fiona@alpha.test", "3 of 3 retried"), (audit.ActorName, audit.Details));
        await using var bravoScope = host.ScopeFor(bravo, TenantRole.Viewer);
        Assert.Equal(1, (await InspectorAs(bravoScope).ListAsync(new JobQuery(State: JobState.NeedsAttention))).Total);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_retry_or_ignore()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);
        var inspector = InspectorAs(scope);
        var job = (await inspector.ListAsync(new JobQuery(State: JobState.NeedsAttention))).Items[0];

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => inspector.RetryAsync(job.Id, job.State));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => inspector.IgnoreAsync(job.Id, job.State, new IgnoreJobForm { Reason = "not needed" }));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => inspector.RetryGroupAsync("any"));
    }

    [Fact]
    public async Task Acting_on_a_job_that_changed_meanwhile_does_nothing_and_says_so()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Admin, "adam@alpha.test");
        var inspector = InspectorAs(scope);
        var job = (await inspector.ListAsync(new JobQuery(State: JobState.NeedsAttention))).Items[0];

        Assert.True(await inspector.IgnoreAsync(job.Id, job.State, new IgnoreJobForm { Reason = "duplicate test order" }));
        Assert.False(await inspector.RetryAsync(job.Id, job.State));
        Assert.False(await inspector.IgnoreAsync(job.Id, job.State, new IgnoreJobForm { Reason = "again" }));

        var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.Where(a => a.Action.StartsWith("job.")).ToListAsync();
        Assert.Equal([("job.ignored", "duplicate test order")], audit.Select(a => (a.Action, a.Details!)));
    }

    [Fact]
    public async Task The_detail_shows_payload_attempts_and_history()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Finance, "fiona@alpha.test");
        var inspector = InspectorAs(scope);
        var job = (await inspector.ListAsync(new JobQuery(Text: "#1001"))).Items.Single();
        Assert.True(await inspector.RetryAsync(job.Id, job.State));
        var again = Assert.Single(await Store.ClaimAsync("node-b", 1, TimeSpan.FromMinutes(5)));
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await Store.CompleteAsync(again, "node-b", TimeSpan.FromSeconds(2));

        var detail = await inspector.DetailAsync(job.Id);

        Assert.NotNull(detail);
        Assert.Equal(("Order #1001", "orders/create:1001", JobState.Succeeded), (detail.Job.Subject, detail.IdentityKey, detail.Job.State));
        Assert.Equal(
            [(1, "claimed by node-a", JobState.NeedsAttention, TaxError), (2, "claimed by node-b", JobState.Succeeded, null)],
            detail.Attempts.Select(a => (a.Number, a.Claim, a.Outcome!.Value, a.Error)));
        Assert.Equal(TimeSpan.FromSeconds(2), detail.Attempts[1].Duration);
        Assert.Equal(
            [JobState.Pending, JobState.Running, JobState.NeedsAttention, JobState.Pending, JobState.Running, JobState.Succeeded],
            detail.History.Select(h => h.To));
        Assert.Equal("fiona@alpha.test", detail.History[3].Actor);
    }

    [Fact]
    public async Task Another_tenants_job_has_no_detail()
    {
        await using var bravoScope = host.ScopeFor(bravo, TenantRole.Owner);
        var bravoJob = (await InspectorAs(bravoScope).ListAsync(new JobQuery())).Items.Single();
        await using var scope = host.ScopeFor(alpha, TenantRole.Owner);

        Assert.Null(await InspectorAs(scope).DetailAsync(bravoJob.Id));
    }

    [Fact]
    public void Links_go_to_the_store_record_and_the_odoo_form()
    {
        var links = JobRecordLinks.From(
            """{"storeRecordUrl":"https://alpha.myshopify.com/admin/orders/450789469","odooModel":"sale.order","odooId":42}""",
            "https://erp.alpha.test/");
        var unsafeLinks = JobRecordLinks.From("""{"storeRecordUrl":"javascript:alert(1)","odooModel":"sale.order","odooId":42}""", null);

        Assert.Equal(new Uri("https://alpha.myshopify.com/admin/orders/450789469"), links.StoreRecord);
        Assert.Equal(new Uri("https://erp.alpha.test/web#model=sale.order&id=42&view_type=form"), links.OdooRecord);
        Assert.Equal(new JobRecordLinks(null, null), unsafeLinks);
        Assert.Equal(new JobRecordLinks(null, null), JobRecordLinks.From("not json", "https://erp.alpha.test"));
    }

    [Fact]
    public async Task Filters_offer_the_flows_the_tenant_has()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Viewer);

        var options = await InspectorAs(scope).FilterOptionsAsync();

        Assert.Equal(["orders.import", "stock.push"], options.Flows);
        Assert.Empty(options.Stores);
    }

    [Fact]
    public async Task Ignoring_needs_a_reason()
    {
        await using var scope = host.ScopeFor(alpha, TenantRole.Owner);
        var inspector = InspectorAs(scope);
        var job = (await inspector.ListAsync(new JobQuery(State: JobState.NeedsAttention))).Items[0];

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => inspector.IgnoreAsync(job.Id, job.State, new IgnoreJobForm { Reason = "  " }));
        Assert.Equal(JobState.NeedsAttention, (await inspector.DetailAsync(job.Id))!.Job.State);
    }
}
