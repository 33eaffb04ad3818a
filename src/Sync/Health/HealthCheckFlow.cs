using Portal.Sync.Jobs;

namespace Portal.Sync.Health;

/// <summary>
/// The scheduled connection check of one tenant. An unreachable Odoo is only recorded (the next check comes
/// soon, and the health page shows it); a rejected key or a missing right parks the job, because a person
/// must fix it, and the inspector links to where. A store's problems are recorded for the health page and
/// park the store's own jobs, not this one, so one broken store does not stop the checks of the rest.
/// </summary>
public sealed class HealthCheckFlow(ConnectionChecks checks) : IJobHandler
{
    public const string Name = "health.check";

    public string Flow => Name;

    public static string SubjectKeyFor(Guid tenantId) => $"health:{tenantId}";

    public async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await checks.CheckStoresAsync(job.TenantId, cancellationToken);
        var odoo = await checks.CheckOdooAsync(job.TenantId, cancellationToken);
        if (odoo is { Healthy: false, FixPath: { } fixPath })
        {
            throw new JobConfigurationException(odoo.Summary, fixPath);
        }
    }
}
