using Quartz;

namespace Portal.Sync.Notifications;

/// <summary>The Quartz job that enqueues every store's alert email; every instance may run it, the job store dedupes.</summary>
[DisallowConcurrentExecution]
internal sealed class StoreAlertWorker(StoreAlertScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("store-alerts", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDueAsync(context.CancellationToken);
}
