using Quartz;

namespace Portal.Sync.Stores;

/// <summary>The Quartz job that enqueues every store's subscription check; see <see cref="StoreScheduler"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class SubscriptionCheckWorker(StoreScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("store-subscription-checks", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDueSubscriptionChecksAsync(context.CancellationToken);
}
