using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Portal.Endpoints;

/// <summary>Ready only while this instance's scheduler runs: without it, no job is picked up here.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.IsStarted && !scheduler.IsShutdown && !scheduler.InStandbyMode
            ? HealthCheckResult.Healthy("Running.")
            : HealthCheckResult.Unhealthy("The job scheduler is not running on this instance.");
    }
}
