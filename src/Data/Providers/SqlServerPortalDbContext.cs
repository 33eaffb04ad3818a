using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Providers;

/// <summary>The production provider for several instances on one database. Owns the migrations under Migrations/SqlServer.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options, ITenantContext tenantContext)
    : PortalDbContext(options, tenantContext);
