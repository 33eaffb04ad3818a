using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Portal.Sync.Jobs;

public static class JobEngineHostingExtensions
{
    /// <summary>
    /// Runs jobs in this process: a Quartz trigger polls for due work on every instance. Schedules that must
    /// fire once across instances enqueue jobs with a dated identity key, which the store dedupes.
    /// </summary>
    public static IServiceCollection AddJobEngineHosting(this IServiceCollection services)
    {
        // Registered before Quartz's hosted service, so it stops after it: leases are released once the worker is done.
        services.AddHostedService<JobLeaseRelease>();
        services.AddQuartz();
        services.AddOptions<QuartzOptions>().Configure<IOptions<JobEngineOptions>>((quartz, engine) =>
        {
            quartz.AddRepeating<JobWorker>(JobWorker.Key, engine.Value.PollInterval);
            quartz.AddJob<JobHousekeepingWorker>(job => job.WithIdentity(JobHousekeepingWorker.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(JobHousekeepingWorker.Key).StartAt(DateTimeOffset.UtcNow.AddMinutes(5))
                .WithSimpleSchedule(schedule => schedule.WithIntervalInHours(1).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
