using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Odoo;
using Portal.Sync.Secrets;
using Portal.Sync.Tenancy;

namespace Portal.Bench;

/// <summary>A bench tenant with its Odoo connection, written as the Odoo page would save it.</summary>
internal static class BenchTenants
{
    public static async Task<Guid> AddAsync(IServiceProvider services, OdooEndpoint endpoint)
    {
        var now = DateTimeOffset.UtcNow;
        var tenant = new Tenant { Name = "Bench", CreatedAt = now };
        var activator = services.GetRequiredService<PortalDbContextActivator>();
        await using (var db = activator.Create(NoTenant.Instance))
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }

        await using var tenantDb = activator.Create(TenantContext.SystemFor(tenant.Id));
        tenantDb.OdooConnections.Add(new OdooConnection
        {
            Url = endpoint.Url.ToString(),
            Database = endpoint.Database,
            Login = endpoint.Login,
            ProtectedApiKey = services.GetRequiredService<SecretProtector>().Protect(endpoint.Secret),
            Transport = endpoint.Transport.ToString(),
            ApiKeyChangedAt = now,
            UpdatedAt = now,
        });
        await tenantDb.SaveChangesAsync();
        return tenant.Id;
    }
}
