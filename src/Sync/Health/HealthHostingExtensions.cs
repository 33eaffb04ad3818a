using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Portal.Sync.Health;

public static class HealthHostingExtensions
{
    /// <summary>Schedules the periodic connection checks in this process (on every instance; the job store dedupes them).</summary>
    public static IServiceCollection AddHealthCheckSchedule(this IServiceCollection services)
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<HealthOptions>>((quartz, health) =>
        {
            quartz.AddJob<HealthCheckWorker>(job => job.WithIdentity(HealthCheckWorker.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(HealthCheckWorker.Key).StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(health.Value.CheckInterval).RepeatForever()));
        });
        return services;
    }
}
