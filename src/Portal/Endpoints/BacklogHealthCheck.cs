using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Endpoints;

/// <summary>How long the oldest due job has waited, across tenants; degraded when work piles up.</summary>
internal sealed class BacklogHealthCheck(PortalDbContextActivator activator, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan Degraded = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = activator.Create(NoTenant.Instance);
        var due = db.Jobs.IgnoreQueryFilters().Where(j => (j.State == JobState.Pending || j.State == JobState.Failed) && j.NextRunAt <= now);
        var count = await due.CountAsync(cancellationToken);
        var oldest = count == 0 ? (DateTimeOffset?)null : await due.OrderBy(j => j.NextRunAt).Select(j => j.NextRunAt).FirstAsync(cancellationToken);
        var age = oldest is { } since ? now - since : TimeSpan.Zero;
        var description = count == 0 ? "No job is waiting." : $"{count} job(s) due; the oldest waits for {age.TotalSeconds:0} s.";
        return age > Degraded ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}
