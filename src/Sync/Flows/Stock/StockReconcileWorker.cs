using Quartz;

namespace Portal.Sync.Flows.Stock;

/// <summary>The Quartz job that enqueues every stock store's scheduled reconciliation.</summary>
[DisallowConcurrentExecution]
internal sealed class StockReconcileWorker(StockScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("stock-reconciliations", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDueReconciliationsAsync(context.CancellationToken);
}
