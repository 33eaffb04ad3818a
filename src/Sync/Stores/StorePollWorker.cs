using Quartz;

namespace Portal.Sync.Stores;

/// <summary>The Quartz job that enqueues every store's poll; see <see cref="StoreScheduler"/> for why every instance may run it.</summary>
[DisallowConcurrentExecution]
internal sealed class StorePollWorker(StoreScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("store-polls", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDuePollsAsync(context.CancellationToken);
}
