using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Creates and migrates the database at start, and answers whether it is ready.</summary>
public sealed class DatabaseInitializer(PortalDbContextActivator activator)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (activator.Provider == DatabaseProvider.Sqlite)
        {
            PrepareSqliteFile();
        }

        await using var db = activator.Create(NoTenant.Instance);
        await db.Database.MigrateAsync(cancellationToken);

        if (activator.Provider == DatabaseProvider.Sqlite)
        {
            // Readers (pages) and writers (jobs, webhooks) run at once; WAL keeps readers from blocking writers.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Null when ready; otherwise what is wrong, in words an operator can act on.</summary>
    public async Task<string?> CheckReadyAsync(CancellationToken cancellationToken)
    {
        await using var db = activator.Create(NoTenant.Instance);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return $"Cannot connect to the database ({DatabaseOptions.ConnectionStringKey}).";
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0 ? null : $"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.";
    }

    private void PrepareSqliteFile()
    {
        var dataSource = new SqliteConnectionStringBuilder(activator.ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
