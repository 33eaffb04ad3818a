using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Sync.Health;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Health;

public class HealthCheckTests : IAsyncLifetime
{
    private SyncTestHost host = default!;
    private FakeOdooServer odoo = default!;
    private Guid tenantId;

    public async Task InitializeAsync()
    {
        odoo = await FakeOdooServer.StartAsync(17);
        // An unreachable Odoo must fail at once here; retry delays run on the real clock inside the HTTP pipeline.
        host = await SyncTestHost.StartAsync(services => services.Configure<OdooClientOptions>(o => o.MaxRetries = 0));
        tenantId = await host.AddTenantAsync("Alpha");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await odoo.DisposeAsync();
    }

    private async Task ConnectAsync(string apiKey, Uri? url = null)
    {
        await using var scope = host.ScopeFor(tenantId, TenantRole.Owner);
        await scope.ServiceProvider.GetRequiredService<OdooConnectionService>().SaveAsync(new OdooConnectionForm
        {
            Url = (url ?? odoo.Url).ToString(),
            Database = FakeOdooServer.DatabaseName,
            Login = "admin",
            NewApiKey = apiKey,
        });
    }

    private HealthCheckScheduler Scheduler => host.Services.GetRequiredService<HealthCheckScheduler>();

    private Task<int> RunJobsAsync() => host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);

    private async Task<Job> HealthJobAsync()
    {
        await using var db = host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await db.Jobs.IgnoreQueryFilters().SingleAsync(j => j.Flow == HealthCheckFlow.Name && j.CreatedAt == db.Jobs.IgnoreQueryFilters().Where(x => x.Flow == HealthCheckFlow.Name).Max(x => x.CreatedAt));
    }

    private async Task<HealthCheck> OdooCheckAsync()
    {
        await using var db = host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await db.HealthChecks.IgnoreQueryFilters().SingleAsync(h => h.TenantId == tenantId && h.Target == HealthTargets.Odoo);
    }

    [Fact]
    public async Task A_working_connection_is_recorded_with_its_version_and_latency()
    {
        await ConnectAsync(FakeOdooSeed.AdminApiKey);

        Assert.Equal(1, await Scheduler.EnqueueDueChecksAsync());
        Assert.Equal(1, await RunJobsAsync());

        var check = await OdooCheckAsync();
        Assert.True(check.Healthy, check.Summary);
        Assert.StartsWith($"Odoo {odoo.ServerVersion}", check.Summary, StringComparison.Ordinal);
        Assert.True(check.LatencyMs >= 0);
        Assert.Equal(host.Clock.GetUtcNow(), check.CheckedAt);
        Assert.Equal(JobState.Succeeded, (await HealthJobAsync()).State);
    }

    [Fact]
    public async Task A_rejected_key_parks_the_check_with_a_link_to_the_odoo_page()
    {
        await ConnectAsync("not-the-key-0123456789");

        await Scheduler.EnqueueDueChecksAsync();
        await RunJobsAsync();

        var job = await HealthJobAsync();
        Assert.Equal((JobState.NeedsAttention, "Configuration", "odoo"), (job.State, job.ErrorKind, job.FixPath));
        var check = await OdooCheckAsync();
        Assert.False(check.Healthy);
        Assert.Equal("odoo", check.FixPath);
        Assert.Equal(check.Summary, job.LastError);
    }

    [Fact]
    public async Task An_unreachable_odoo_is_recorded_without_parking_the_check()
    {
        var gone = odoo.Url;
        await odoo.DisposeAsync();
        odoo = await FakeOdooServer.StartAsync(17);
        await ConnectAsync(FakeOdooSeed.AdminApiKey, gone);

        await Scheduler.EnqueueDueChecksAsync();
        await RunJobsAsync();

        var check = await OdooCheckAsync();
        Assert.False(check.Healthy);
        Assert.Null(check.FixPath);
        Assert.Equal(JobState.Succeeded, (await HealthJobAsync()).State);
    }

    [Fact]
    public async Task Several_instances_enqueue_one_check_per_interval_and_none_while_one_waits()
    {
        await ConnectAsync("not-the-key-0123456789");
        await using var second = host.SecondInstance();
        var otherScheduler = second.GetRequiredService<HealthCheckScheduler>();

        var first = await Scheduler.EnqueueDueChecksAsync();
        var again = await otherScheduler.EnqueueDueChecksAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var whilePending = await otherScheduler.EnqueueDueChecksAsync();
        await RunJobsAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var whileParked = await Scheduler.EnqueueDueChecksAsync();

        Assert.Equal((1, 0, 0, 0), (first, again, whilePending, whileParked));
        await using var db = host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        Assert.Equal(1, await db.Jobs.IgnoreQueryFilters().CountAsync(j => j.Flow == HealthCheckFlow.Name));
    }

    [Fact]
    public async Task A_tenant_without_odoo_gets_no_check()
    {
        Assert.Equal(0, await Scheduler.EnqueueDueChecksAsync());
    }

    [Fact]
    public async Task The_report_counts_queues_and_the_last_days_outcomes_per_flow()
    {
        await ConnectAsync(FakeOdooSeed.AdminApiKey);
        var store = host.Services.GetRequiredService<JobStore>();
        await store.EnqueueAsync(tenantId, new JobRequest("orders.import", "Order #1001", "order:1001", "orders/create:1001"));
        var claimed = Assert.Single(await store.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5)));
        await store.FailAsync(claimed, "node-a", new JobFailure(JobErrorKind.Configuration, "No tax mapping for 'GST 5%'"), TimeSpan.Zero);
        await store.EnqueueAsync(tenantId, new JobRequest("orders.import", "Order #1002", "order:1002", "orders/create:1002"));
        var done = Assert.Single(await store.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5)));
        await store.CompleteAsync(done, "node-a", TimeSpan.Zero);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await store.EnqueueAsync(tenantId, new JobRequest("orders.import", "Order #1003", "order:1003", "orders/create:1003"));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await using var scope = host.ScopeFor(tenantId, TenantRole.Viewer);
        var health = scope.ServiceProvider.GetRequiredService<TenantHealth>();

        var report = await health.ReportAsync();

        var orders = Assert.Single(report.Flows);
        Assert.Equal(
            new FlowHealth("orders.import", 1, 0, 0, 1, host.Clock.GetUtcNow().AddMinutes(-3), 1, 1, host.Clock.GetUtcNow().AddMinutes(-13)),
            orders);
        Assert.Equal([new FailureReason("orders.import", "No tax mapping for 'GST 5%'", 1)], report.FailuresLastDay);
        Assert.True(report.OdooConfigured);
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => health.CheckNowAsync());
    }

    [Fact]
    public async Task Check_now_records_the_result_at_once()
    {
        await ConnectAsync(FakeOdooSeed.AdminApiKey);
        await using var scope = host.ScopeFor(tenantId, TenantRole.Finance);
        var health = scope.ServiceProvider.GetRequiredService<TenantHealth>();

        await health.CheckNowAsync();

        var check = Assert.Single((await health.ReportAsync()).Checks);
        Assert.True(check.Healthy, check.Summary);
    }
}
