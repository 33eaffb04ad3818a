using Quartz;

namespace Portal.Sync.Jobs;

/// <summary>Runs housekeeping on every instance; purging is safe to repeat, so it needs no coordination.</summary>
[DisallowConcurrentExecution]
internal sealed class JobHousekeepingWorker(JobHousekeeping housekeeping) : IJob
{
    public static readonly JobKey Key = new("job-housekeeping", "portal");

    public Task Execute(IJobExecutionContext context) => housekeeping.PurgeSucceededAsync(context.CancellationToken);
}
