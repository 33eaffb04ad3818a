using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Tests;

/// <summary>Each provider has its own migrations; both must describe the current model.</summary>
public class MigrationsInStepTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused;Database=Portal;TrustServerCertificate=True")]
    public void The_model_has_no_changes_missing_from_the_providers_migrations(DatabaseProvider provider, string connectionString)
    {
        using var db = PortalDbContextActivator.For(provider, connectionString).Create(new FixedTenant(null));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes that the {provider} migrations lack: run scripts/add-migration.sh <Name> to add a migration for both providers.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_by_name()
    {
        using var sqlite = PortalDbContextActivator.For(DatabaseProvider.Sqlite, "Data Source=:memory:").Create(new FixedTenant(null));
        using var sqlServer = PortalDbContextActivator.For(DatabaseProvider.SqlServer, "Server=unused").Create(new FixedTenant(null));

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }
}
