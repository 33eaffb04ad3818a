using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Sync.Jobs;
using Quartz;

namespace Portal.Sync.Health;

public static class HealthHostingExtensions
{
    /// <summary>Schedules the periodic connection checks in this process (on every instance; the job store dedupes them).</summary>
    public static IServiceCollection AddHealthCheckSchedule(this IServiceCollection services)
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<HealthOptions>>((quartz, health) =>
        {
            quartz.AddRepeating<HealthCheckWorker>(HealthCheckWorker.Key, health.Value.CheckInterval);
        });
        return services;
    }
}
