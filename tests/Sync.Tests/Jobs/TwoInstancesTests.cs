using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Tests.Jobs;

/// <summary>Two portal instances (separate service providers) share one SQLite database, as they would share SQL Server.</summary>
public class TwoInstancesTests
{
    private const int JobCount = 1000;
    private static readonly string[] Owners = ["node-a", "node-b"];
    private static readonly Action<IServiceCollection> TwoJobsPerStore = services => services.Configure<JobEngineOptions>(o => o.StoreConcurrency = 2);

    [Fact]
    public async Task Two_instances_process_a_thousand_jobs_each_exactly_once()
    {
        await using var host = await SyncTestHost.StartAsync();
        var tenant = await host.AddTenantAsync("Alpha");
        await using var second = host.SecondInstance();
        var storeA = host.Services.GetRequiredService<JobStore>();
        var storeB = second.GetRequiredService<JobStore>();
        for (var i = 0; i < JobCount; i++)
        {
            await (i % 2 == 0 ? storeA : storeB).EnqueueAsync(tenant, new JobRequest("noop", $"Job {i}", $"subject:{i % 50}", $"event:{i}"));
        }

        var executions = new ConcurrentDictionary<Guid, int>();
        var byInstance = new ConcurrentDictionary<string, int>();
        var firstClaims = Owners.ToDictionary(owner => owner, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        // Microsoft.Data.Sqlite completes "async" calls synchronously, and a busy thread pool may start one drain only after the other ended;
        // each drain therefore waits after its first claim until the other has claimed too, so the two always overlap.
        await Task.WhenAll(
            Task.Run(() => DrainAsync(storeA, "node-a", firstClaims, executions, byInstance)),
            Task.Run(() => DrainAsync(storeB, "node-b", firstClaims, executions, byInstance)));

        Assert.Equal(2, byInstance.Count);

        Assert.Equal(JobCount, executions.Count);
        Assert.All(executions.Values, count => Assert.Equal(1, count));
        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(JobCount, await db.Jobs.CountAsync(j => j.State == JobState.Succeeded));
        Assert.Equal(JobCount, await db.JobStateChanges.CountAsync(c => c.To == JobState.Succeeded));
    }

    [Fact]
    public async Task Racing_claims_of_two_instances_never_run_more_of_a_stores_jobs_than_its_limit()
    {
        await using var host = await SyncTestHost.StartAsync(TwoJobsPerStore);
        var tenant = await host.AddTenantAsync("Alpha");
        await using var second = host.SecondInstance(TwoJobsPerStore);
        var stores = new[] { host.Services.GetRequiredService<JobStore>(), second.GetRequiredService<JobStore>() };
        var store = Guid.NewGuid();
        for (var i = 0; i < 20; i++)
        {
            await stores[0].EnqueueAsync(tenant, new JobRequest("noop", $"Job {i}", $"subject:{i}", $"event:{i}", StoreId: store));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => stores[i % 2].ClaimAsync($"node-{i}", 5, TimeSpan.FromMinutes(5)))));

        Assert.Equal(2, claims.Sum(c => c.Count));
    }

    // Claims and completes until nothing is left; bounded, so a defect fails the test instead of hanging it.
    private static async Task DrainAsync(
        JobStore store,
        string owner,
        IReadOnlyDictionary<string, TaskCompletionSource> firstClaims,
        ConcurrentDictionary<Guid, int> executions,
        ConcurrentDictionary<string, int> byInstance)
    {
        for (var round = 0; round < JobCount; round++)
        {
            var batch = await store.ClaimAsync(owner, 10, TimeSpan.FromMinutes(5));
            if (round == 0)
            {
                firstClaims[owner].SetResult();
                await Task.WhenAll(firstClaims.Values.Select(claimed => claimed.Task)).WaitAsync(TimeSpan.FromSeconds(30));
            }

            if (batch.Count == 0 && executions.Count == JobCount)
            {
                return;
            }

            foreach (var job in batch)
            {
                byInstance.AddOrUpdate(owner, 1, (_, count) => count + 1);
                executions.AddOrUpdate(job.Id, 1, (_, count) => count + 1);
                Assert.True(await store.CompleteAsync(job, owner, TimeSpan.Zero));
            }
        }
    }
}
