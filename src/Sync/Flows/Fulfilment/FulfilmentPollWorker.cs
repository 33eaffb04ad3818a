using Quartz;

namespace Portal.Sync.Flows.Fulfilment;

/// <summary>The Quartz job that enqueues every store's delivery poll; see <see cref="FulfilmentScheduler"/> for why every instance may run it.</summary>
[DisallowConcurrentExecution]
internal sealed class FulfilmentPollWorker(FulfilmentScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("fulfilment-polls", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDueAsync(context.CancellationToken);
}
