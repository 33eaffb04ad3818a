using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Secrets;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Health;

/// <summary>
/// Checks a tenant's connections the way the flows use them and keeps the latest result of each, for the
/// health page. Used by the scheduled health job and by "Check now".
/// </summary>
public sealed class ConnectionChecks(PortalDbContextActivator activator, SecretProtector secrets, OdooConnectionTester tester, StoreClients stores, TimeProvider clock)
{
    /// <summary>Checks the tenant's Odoo connection and records the outcome; null when the tenant has none yet.</summary>
    public async Task<HealthCheck?> CheckOdooAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = activator.Create(TenantContext.SystemFor(tenantId));
        var connection = await db.OdooConnections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (StoredOdooConnection.EndpointOf(connection, secrets) is not { } endpoint)
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        var report = await tester.TestAsync(endpoint, cancellationToken);
        var latency = (int)watch.ElapsedMilliseconds;

        var needsPerson = report.ProblemKind is OdooErrorKind.Authentication or OdooErrorKind.Permission;
        return await RecordAsync(db, HealthTargets.Odoo, report.Succeeded, latency, report.Summary, needsPerson ? "odoo" : null, null, cancellationToken);
    }

    /// <summary>Checks every connected store of the tenant the way the flows reach it, and records each outcome.</summary>
    public async Task<IReadOnlyList<HealthCheck>> CheckStoresAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = activator.Create(TenantContext.SystemFor(tenantId));
        var connected = await db.Stores.AsNoTracking()
            .Where(s => s.Enabled && s.RemovedAt == null && s.ProtectedCredentials != null)
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);
        var checks = new List<HealthCheck>();
        foreach (var store in connected)
        {
            var watch = Stopwatch.StartNew();
            var (healthy, summary, fixPath, remaining) = await DescribeAsync(store, cancellationToken);
            checks.Add(await RecordAsync(db, HealthTargets.Store(store.Id), healthy, (int)watch.ElapsedMilliseconds, summary, fixPath, remaining, cancellationToken));
        }

        return checks;
    }

    /// <summary>Checks one connected store of the tenant ("Test connection" on its Connection tab) and records the outcome; null when it has no credentials.</summary>
    public async Task<HealthCheck?> CheckStoreAsync(Guid tenantId, Guid storeId, CancellationToken cancellationToken = default)
    {
        await using var db = activator.Create(TenantContext.SystemFor(tenantId));
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null && s.ProtectedCredentials != null, cancellationToken);
        if (store is null)
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        var (healthy, summary, fixPath, remaining) = await DescribeAsync(store, cancellationToken);
        return await RecordAsync(db, HealthTargets.Store(store.Id), healthy, (int)watch.ElapsedMilliseconds, summary, fixPath, remaining, cancellationToken);
    }

    /// <summary>Records what is known of a store without asking it, e.g. that its app was uninstalled.</summary>
    public Task RecordStoreProblemAsync(PortalDbContext db, Guid storeId, string summary, CancellationToken cancellationToken) =>
        RecordAsync(db, HealthTargets.Store(storeId), false, 0, summary, "stores", null, cancellationToken);

    private async Task<(bool Healthy, string Summary, string? FixPath, int? RateLimitRemaining)> DescribeAsync(Store store, CancellationToken cancellationToken)
    {
        try
        {
            var description = await stores.For(store).DescribeAsync(cancellationToken);
            var version = description.Version is null ? "" : $", {description.Version}";
            return (true, $"{store.Name}: {description.Name} ({description.Currency}{version}); access: {string.Join(", ", description.Access)}.", null,
                description.RateLimitRemaining);
        }
        catch (StoreApiException ex)
        {
            var needsPerson = ex.Kind is StoreApiErrorKind.Authentication or StoreApiErrorKind.Permission or StoreApiErrorKind.Configuration;
            return (false, $"{store.Name}: {ex.Message}", needsPerson ? "stores" : null, null);
        }
    }

    private async Task<HealthCheck> RecordAsync(
        PortalDbContext db, string target, bool healthy, int latencyMs, string summary, string? fixPath, int? rateLimitRemaining, CancellationToken cancellationToken)
    {
        var check = await db.HealthChecks.SingleOrDefaultAsync(h => h.Target == target, cancellationToken);
        if (check is null)
        {
            check = new HealthCheck { Target = target, Summary = summary };
            db.HealthChecks.Add(check);
        }

        check.Healthy = healthy;
        check.LatencyMs = latencyMs;
        check.Summary = summary;
        check.FixPath = fixPath;
        check.RateLimitRemaining = rateLimitRemaining;
        check.CheckedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return check;
    }
}
