using Microsoft.Data.Sqlite;

namespace Portal.Data.Tests;

/// <summary>A real SQLite file in a fresh folder, migrated like the portal does at start; deleted afterwards.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("portal-data-tests-").FullName;

    private SqliteTestDatabase()
    {
        Activator = PortalDbContextActivator.For(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "portal.db")}");
    }

    public PortalDbContextActivator Activator { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await new DatabaseInitializer(database.Activator).MigrateAsync(CancellationToken.None);
        return database;
    }

    public PortalDbContext For(Guid? tenantId, string? userId = null) => Activator.Create(new FixedTenant(tenantId, userId));

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
