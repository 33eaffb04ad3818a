using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Tests.Infrastructure;

namespace Portal.Tests;

/// <summary>The job engine as the portal hosts it: Quartz polls for due work; shutdown hands running jobs back.</summary>
public class JobEngineHostingTests
{
    private static readonly Dictionary<string, string?> FastPolling = new() { ["Jobs:PollInterval"] = "00:00:00.050" };

    private sealed class BlockingHandler : IJobHandler
    {
        public string Flow => "test.block";

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Block { get; set; }

        public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            if (Block)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }

    private static async Task<JobState> StateAsync(PortalDbContextActivator activator, Guid jobId)
    {
        await using var db = activator.Create(NoTenant.Instance);
        return await db.Jobs.IgnoreQueryFilters().Where(j => j.Id == jobId).Select(j => j.State).SingleAsync();
    }

    [Fact]
    public async Task An_enqueued_job_is_picked_up_and_run_by_the_hosted_worker()
    {
        var handler = new BlockingHandler();
        await using var host = await PortalTestHost.StartAsync(FastPolling, services => services.AddSingleton<IJobHandler>(handler));
        var tenant = await host.AddTenantAsync("Alpha");

        var queued = await host.Services.GetRequiredService<JobStore>().EnqueueAsync(tenant, new JobRequest("test.block", "Order #1", "order:1", "event:1"));
        await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var activator = host.Services.GetRequiredService<PortalDbContextActivator>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await StateAsync(activator, queued.JobId) != JobState.Succeeded)
        {
            await Task.Delay(20, deadline.Token);
        }

        Assert.Equal(JobState.Succeeded, await StateAsync(activator, queued.JobId));
    }

    [Fact]
    public async Task Shutdown_hands_a_running_job_back_with_its_history()
    {
        var handler = new BlockingHandler { Block = true };
        var host = await PortalTestHost.StartAsync(FastPolling, services => services.AddSingleton<IJobHandler>(handler));
        try
        {
            var tenant = await host.AddTenantAsync("Alpha");
            var queued = await host.Services.GetRequiredService<JobStore>().EnqueueAsync(tenant, new JobRequest("test.block", "Order #2", "order:2", "event:2"));
            await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await host.StopAsync();

            var activator = host.Services.GetRequiredService<PortalDbContextActivator>();
            Assert.Equal(JobState.Pending, await StateAsync(activator, queued.JobId));
            await using var db = activator.Create(NoTenant.Instance);
            var last = await db.JobStateChanges.IgnoreQueryFilters().Where(c => c.JobId == queued.JobId).OrderBy(c => c.Id).LastAsync();
            Assert.Contains("released by", last.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
