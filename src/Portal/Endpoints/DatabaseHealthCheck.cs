using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;

namespace Portal.Endpoints;

internal sealed class DatabaseHealthCheck(DatabaseInitializer database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var problem = await database.CheckReadyAsync(cancellationToken);
            return problem is null ? HealthCheckResult.Healthy("Reachable; all migrations applied.") : HealthCheckResult.Unhealthy(problem);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Cannot reach the database ({DatabaseOptions.ConnectionStringKey}): {ex.GetBaseException().Message}");
        }
    }
}
