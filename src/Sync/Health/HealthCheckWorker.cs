using Quartz;

namespace Portal.Sync.Health;

/// <summary>The Quartz job that enqueues the periodic connection checks; see <see cref="HealthCheckScheduler"/> for why every instance may run it.</summary>
[DisallowConcurrentExecution]
internal sealed class HealthCheckWorker(HealthCheckScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("health-checks", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDueChecksAsync(context.CancellationToken);
}
