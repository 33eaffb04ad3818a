using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Health;

/// <summary>
/// Enqueues one connection check per tenant and interval. Every instance runs this; the identity key names
/// the interval, so the store keeps one job per tenant and interval however many instances ask. A tenant
/// whose previous check still waits (pending, retrying or parked for a person) gets no new one.
/// </summary>
public sealed class HealthCheckScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<HealthOptions> options, TimeProvider clock)
{
    public async Task<int> EnqueueDueChecksAsync(CancellationToken cancellationToken = default)
    {
        var interval = options.Value.CheckInterval;
        var slot = clock.GetUtcNow().UtcTicks / interval.Ticks;
        List<Guid> tenants;
        await using (var db = activator.Create(NoTenant.Instance))
        {
            var waiting = db.Jobs.IgnoreQueryFilters()
                .Where(j => j.Flow == HealthCheckFlow.Name && j.ActiveIdentityKey != null)
                .Select(j => j.TenantId);
            var withOdoo = db.OdooConnections.IgnoreQueryFilters().Where(c => c.ProtectedApiKey != null).Select(c => c.TenantId);
            var withStores = db.Stores.IgnoreQueryFilters().Where(s => s.Enabled && s.RemovedAt == null && s.ProtectedCredentials != null).Select(s => s.TenantId);
            tenants = await withOdoo.Union(withStores)
                .Where(tenantId => !waiting.Contains(tenantId))
                .ToListAsync(cancellationToken);
        }

        var created = 0;
        foreach (var tenantId in tenants)
        {
            var request = new JobRequest(HealthCheckFlow.Name, "Connection check", HealthCheckFlow.SubjectKeyFor(tenantId),
                string.Create(CultureInfo.InvariantCulture, $"health:{tenantId}:{slot}"), Priority: -1);
            created += (await jobs.EnqueueAsync(tenantId, request, cancellationToken)).Outcome == EnqueueOutcome.Created ? 1 : 0;
        }

        return created;
    }
}
