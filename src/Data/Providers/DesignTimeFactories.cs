using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data.Providers;

// Used only by dotnet-ef: `dotnet ef migrations add <Name> --context SqlitePortalDbContext --output-dir Migrations/Sqlite`.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        (SqlitePortalDbContext)PortalDbContextActivator.For(DatabaseProvider.Sqlite, "Data Source=design-time.db").Create(NoTenant.Instance);
}

// `dotnet ef migrations add <Name> --context SqlServerPortalDbContext --output-dir Migrations/SqlServer`.
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        (SqlServerPortalDbContext)PortalDbContextActivator.For(DatabaseProvider.SqlServer, "Server=design-time;Database=Portal;Trusted_Connection=True;TrustServerCertificate=True").Create(NoTenant.Instance);
}
