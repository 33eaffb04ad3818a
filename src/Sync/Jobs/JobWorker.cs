using Microsoft.Extensions.Hosting;
using Quartz;

namespace Portal.Sync.Jobs;

/// <summary>The Quartz job that runs due work on every instance; never two at once on one instance.</summary>
[DisallowConcurrentExecution]
internal sealed class JobWorker(JobRunner runner, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("job-worker", "portal");

    public async Task Execute(IJobExecutionContext context)
    {
        // On shutdown no new job is claimed and running ones are cancelled; their leases are then released.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        await runner.RunDueJobsAsync(stopping.Token);
    }
}
