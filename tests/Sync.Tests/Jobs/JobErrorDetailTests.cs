using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Flows.Orders;
using Portal.Sync.Jobs;

namespace Portal.Sync.Tests.Jobs;

/// <summary>A parked job keeps what explains its error (a total's two breakdowns) for the detail view.</summary>
public class JobErrorDetailTests : IAsyncLifetime
{
    private SyncTestHost host = default!;
    private Guid tenant;

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync();
        tenant = await host.AddTenantAsync("Alpha");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_total_mismatch_parks_with_both_breakdowns_in_the_jobs_history()
    {
        var jobs = host.Services.GetRequiredService<JobStore>();
        var queued = await jobs.EnqueueAsync(tenant, new JobRequest("orders.sync", "Order #1001", "order:1001", "order:1001@1"));
        var job = Assert.Single(await jobs.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5)));
        var mismatch = new OrderTotalsMismatchException("Total mismatch: store 107.00, Odoo 106.99 (tax).", "Store order #1001 ...\nOdoo S00001 ...");

        await jobs.FailAsync(job, "node-a", JobFailures.From(mismatch), TimeSpan.Zero);

        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        var detail = await scope.ServiceProvider.GetRequiredService<JobInspector>().DetailAsync(queued.JobId);
        var parked = detail!.History[^1];
        Assert.Equal((JobState.NeedsAttention, "Total mismatch: store 107.00, Odoo 106.99 (tax)."), (parked.To, parked.Error));
        Assert.Equal("Store order #1001 ...\nOdoo S00001 ...", parked.ErrorDetail);
        var stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == queued.JobId);
        Assert.Equal(nameof(JobErrorKind.Validation), stored.ErrorKind);
    }
}
