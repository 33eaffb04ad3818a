namespace Portal.Sync.Jobs;

/// <summary>
/// Runs one flow's jobs ("orders.import", "stock.push"...). Must be idempotent: the same job may run again
/// after a crash or a lost answer, and must not create anything twice.
/// </summary>
public interface IJobHandler
{
    string Flow { get; }

    Task RunAsync(ClaimedJob job, CancellationToken cancellationToken);
}
