using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Jobs;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Odoo.Connection;

/// <summary>The client of a tenant's Odoo database, for flows; a tenant without a connection parks the job with a link to set one up.</summary>
public sealed class TenantOdoo(PortalDbContextActivator activator, SecretProtector secrets, OdooClientFactory clients)
{
    public async Task<OdooClient> ClientAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = activator.Create(TenantContext.SystemFor(tenantId));
        var connection = await db.OdooConnections.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return clients.For(StoredOdooConnection.EndpointOf(connection, secrets)
            ?? throw new JobConfigurationException("No Odoo database is connected yet.", "odoo"));
    }
}
