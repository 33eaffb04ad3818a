using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;

namespace Portal.Sync.Tests.Jobs;

public class JobRunnerTests : IAsyncLifetime
{
    private readonly TestHandler handler = new("test.flow");
    private SyncTestHost host = default!;
    private Guid tenant;

    private JobStore Store => host.Services.GetRequiredService<JobStore>();

    public async Task InitializeAsync()
    {
        host = await SyncTestHost.StartAsync(services => services.AddSingleton<IJobHandler>(handler).Configure<JobEngineOptions>(o => o.StoreConcurrency = 2));
        tenant = await host.AddTenantAsync("Alpha");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private JobRunner Runner(string instance, int concurrency = 4) => new(
        Store,
        [handler],
        Options.Create(new JobEngineOptions { InstanceId = instance, Concurrency = concurrency, JobTimeout = TimeSpan.FromMinutes(2), LeaseDuration = TimeSpan.FromMinutes(5) }),
        host.Clock,
        NullLogger<JobRunner>.Instance);

    private Task<EnqueueResult> EnqueueAsync(string key, string flow = "test.flow", Guid? store = null) =>
        Store.EnqueueAsync(tenant, new JobRequest(flow, $"Subject {key}", $"subject:{key}", $"event:{key}", StoreId: store));

    private async Task<Job> LoadAsync(Guid id)
    {
        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [Fact]
    public async Task Due_jobs_run_with_their_flows_handler_and_succeed()
    {
        var jobs = new[] { await EnqueueAsync("a"), await EnqueueAsync("b"), await EnqueueAsync("c") };

        var ran = await Runner("node-a").RunDueJobsAsync(CancellationToken.None);

        Assert.Equal(3, ran);
        foreach (var job in jobs)
        {
            Assert.Equal(JobState.Succeeded, (await LoadAsync(job.JobId)).State);
            Assert.Equal(1, handler.Runs[job.JobId]);
        }
    }

    [Fact]
    public async Task Failures_are_classified_transient_retried_configuration_parked()
    {
        var transient = await EnqueueAsync("transient");
        var configuration = await EnqueueAsync("configuration");
        handler.Behaviour = (job, _) => job.Id == transient.JobId
            ? throw new OdooException(OdooErrorKind.Transient, "Odoo is unavailable (503)")
            : throw new JobConfigurationException("No journal mapping for gateway 'stripe'", "mappings/journal");

        await Runner("node-a").RunDueJobsAsync(CancellationToken.None);

        Assert.Equal((JobState.Failed, "Transient"), ((await LoadAsync(transient.JobId)).State, (await LoadAsync(transient.JobId)).ErrorKind));
        var parked = await LoadAsync(configuration.JobId);
        Assert.Equal((JobState.NeedsAttention, "mappings/journal"), (parked.State, parked.FixPath));
    }

    [Fact]
    public async Task A_flow_without_a_handler_is_parked_saying_so()
    {
        var orphan = await EnqueueAsync("orphan", flow: "removed.flow");

        await Runner("node-a").RunDueJobsAsync(CancellationToken.None);

        var job = await LoadAsync(orphan.JobId);
        Assert.Equal(JobState.NeedsAttention, job.State);
        Assert.Contains("No handler runs the flow 'removed.flow'", job.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_that_runs_too_long_is_cancelled_and_retried_later()
    {
        var slow = await EnqueueAsync("slow");
        handler.Behaviour = (_, token) => Task.Delay(Timeout.Infinite, token);

        var running = Runner("node-a").RunDueJobsAsync(CancellationToken.None);
        await handler.Started.Task;
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await running;

        var job = await LoadAsync(slow.JobId);
        Assert.Equal((JobState.Failed, "Timed out after 120 s."), (job.State, job.LastError));
    }

    [Fact]
    public async Task Concurrency_limits_how_many_jobs_run_at_once()
    {
        for (var i = 0; i < 6; i++)
        {
            await EnqueueAsync($"parallel-{i}");
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        handler.Behaviour = (_, _) => gate.Task;
        var running = Runner("node-a", concurrency: 2).RunDueJobsAsync(CancellationToken.None);
        await handler.TwoRunning.Task;
        gate.SetResult();

        Assert.Equal(6, await running);
        Assert.Equal(2, handler.MostAtOnce);
    }

    [Fact]
    public async Task A_store_runs_at_most_its_concurrency_while_another_stores_jobs_run_beside_it()
    {
        var (busy, quiet) = (Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 5; i++)
        {
            await EnqueueAsync($"busy-{i}", store: busy);
        }

        await EnqueueAsync("quiet-0", store: quiet);
        await EnqueueAsync("quiet-1", store: quiet);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fourRunning = new TaskCompletionSource<Dictionary<Guid, int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runningPerStore = new Dictionary<Guid, int>();
        var mostPerStore = new Dictionary<Guid, int>();
        handler.Behaviour = async (job, _) =>
        {
            var store = job.StoreId!.Value;
            lock (runningPerStore)
            {
                runningPerStore[store] = runningPerStore.GetValueOrDefault(store) + 1;
                mostPerStore[store] = Math.Max(mostPerStore.GetValueOrDefault(store), runningPerStore[store]);
                if (runningPerStore.Values.Sum() == 4)
                {
                    fourRunning.TrySetResult(new Dictionary<Guid, int>(runningPerStore));
                }
            }

            await gate.Task;
            lock (runningPerStore)
            {
                runningPerStore[store]--;
            }
        };

        var running = Runner("node-a", concurrency: 4).RunDueJobsAsync(CancellationToken.None);
        var whileBlocked = await fourRunning.Task;
        gate.SetResult();

        Assert.Equal(7, await running);
        Assert.Equal((2, 2), (whileBlocked[busy], whileBlocked[quiet]));
        Assert.Equal(2, mostPerStore[busy]);
    }

    [Fact]
    public async Task A_job_whose_instance_died_mid_run_completes_exactly_once_on_another_after_the_lease()
    {
        var queued = await EnqueueAsync("orphaned");
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        handler.Behaviour = (_, _) => stuck.Task;
        var dead = Runner("node-a").RunDueJobsAsync(CancellationToken.None);
        await handler.Started.Task;

        // node-a is frozen (its handler ignores cancellation); node-b finds nothing until the lease runs out.
        handler.Behaviour = (_, _) => Task.CompletedTask;
        Assert.Equal(0, await Runner("node-b").RunDueJobsAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Runner("node-b").RunDueJobsAsync(CancellationToken.None));
        stuck.SetResult();
        await dead;

        Assert.Equal(JobState.Succeeded, (await LoadAsync(queued.JobId)).State);
        Assert.Equal(2, handler.Runs[queued.JobId]);
        await using var scope = host.ScopeFor(tenant, TenantRole.Viewer);
        var history = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().JobStateChanges.Where(c => c.JobId == queued.JobId).ToListAsync();
        Assert.Single(history, c => c.To == JobState.Succeeded);
        Assert.Contains(history, c => c.Reason.Contains("lease of node-a expired", StringComparison.Ordinal));
    }
}
