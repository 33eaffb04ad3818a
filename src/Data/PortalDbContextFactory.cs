using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Creates short-lived contexts bound to the scope's tenant; Blazor circuits use this instead of one long-lived context.</summary>
internal sealed class PortalDbContextFactory(PortalDbContextActivator activator, ITenantContext tenantContext)
    : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => activator.Create(tenantContext);
}
