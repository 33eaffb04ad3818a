using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Tests.Jobs;

public class JobHousekeepingTests
{
    [Fact]
    public async Task Old_succeeded_jobs_are_purged_in_batches_and_nothing_that_needs_a_person_expires()
    {
        await using var host = await SyncTestHost.StartAsync(services =>
            services.Configure<JobEngineOptions>(o => o.PurgeBatchSize = 100));
        var tenant = await host.AddTenantAsync("Alpha");
        var store = host.Services.GetRequiredService<JobStore>();
        for (var i = 0; i < 250; i++)
        {
            await store.EnqueueAsync(tenant, new JobRequest("noop", $"Old {i}", $"old:{i}", $"old:{i}"));
        }

        var parked = await store.EnqueueAsync(tenant, new JobRequest("noop", "Parked", "parked", "parked"));
        while ((await store.ClaimAsync("node-a", 50, TimeSpan.FromMinutes(5))) is { Count: > 0 } batch)
        {
            foreach (var job in batch)
            {
                await (job.Id == parked.JobId
                    ? store.FailAsync(job, "node-a", new JobFailure(JobErrorKind.Validation, "refused"), TimeSpan.Zero)
                    : store.CompleteAsync(job, "node-a", TimeSpan.Zero));
            }
        }

        host.Clock.Advance(TimeSpan.FromDays(31));
        var recent = await store.EnqueueAsync(tenant, new JobRequest("noop", "Recent", "recent", "recent"));
        await store.CompleteAsync(Assert.Single(await store.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(5))), "node-a", TimeSpan.Zero);

        var purged = await host.Services.GetRequiredService<JobHousekeeping>().PurgeSucceededAsync();

        Assert.Equal(250, purged);
        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal([parked.JobId, recent.JobId], (await db.Jobs.Select(j => j.Id).ToListAsync()).Order());
        Assert.Equal(2, await db.JobStateChanges.Select(c => c.JobId).Distinct().CountAsync());
    }
}
