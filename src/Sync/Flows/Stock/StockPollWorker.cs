using Quartz;

namespace Portal.Sync.Flows.Stock;

/// <summary>The Quartz job that enqueues every stock store's poll; see <see cref="StockScheduler"/> for why every instance may run it.</summary>
[DisallowConcurrentExecution]
internal sealed class StockPollWorker(StockScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("stock-polls", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDueSyncsAsync(context.CancellationToken);
}
