using Quartz;

namespace Portal.Sync.Flows.Products;

/// <summary>The Quartz job that enqueues the stores' product polls; see <see cref="ProductPollScheduler"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class ProductPollWorker(ProductPollScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("product-polls", "portal");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDuePollsAsync(context.CancellationToken);
}
