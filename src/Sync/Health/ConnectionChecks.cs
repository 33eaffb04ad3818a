using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Health;

/// <summary>
/// Checks a tenant's connections the way the flows use them and keeps the latest result of each, for the
/// health page. Used by the scheduled health job and by "Check now".
/// </summary>
public sealed class ConnectionChecks(PortalDbContextActivator activator, SecretProtector secrets, OdooConnectionTester tester, TimeProvider clock)
{
    /// <summary>Checks the tenant's Odoo connection and records the outcome; null when the tenant has none yet.</summary>
    public async Task<HealthCheck?> CheckOdooAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = activator.Create(TenantContext.SystemFor(tenantId));
        var connection = await db.OdooConnections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (connection?.ProtectedApiKey is null)
        {
            return null;
        }

        var endpoint = new OdooEndpoint(new Uri(connection.Url), connection.Database, connection.Login, secrets.Unprotect(connection.ProtectedApiKey),
            Enum.Parse<OdooTransportKind>(connection.Transport));
        var watch = Stopwatch.StartNew();
        var report = await tester.TestAsync(endpoint, cancellationToken);
        var latency = (int)watch.ElapsedMilliseconds;

        var needsPerson = report.ProblemKind is OdooErrorKind.Authentication or OdooErrorKind.Permission;
        var summary = report.Succeeded
            ? $"Odoo {report.ServerVersion} ({report.Edition}) as {report.UserName}; every right the connector needs is granted."
            : report.Problem ?? "The check failed.";
        var check = await db.HealthChecks.SingleOrDefaultAsync(h => h.Target == HealthTargets.Odoo, cancellationToken);
        if (check is null)
        {
            check = new HealthCheck { Target = HealthTargets.Odoo, Summary = summary };
            db.HealthChecks.Add(check);
        }

        check.Healthy = report.Succeeded;
        check.LatencyMs = latency;
        check.Summary = summary;
        check.FixPath = needsPerson ? "odoo" : null;
        check.CheckedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return check;
    }
}
