using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Tests;

public class SqliteMigrationTests
{
    [Fact]
    public async Task A_new_file_is_created_migrated_and_reported_ready()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var initializer = new DatabaseInitializer(database.Activator);

        Assert.Null(await initializer.CheckReadyAsync(CancellationToken.None));
        await using var db = database.For(null);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToAsyncEnumerable().SingleAsync());

        // NORMAL (1) on every connection: safe with WAL, and commits do not each wait for a disk flush.
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToAsyncEnumerable().SingleAsync());
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = database.For(null))
        {
            db.Tenants.Add(new Entities.Tenant { Name = "Kept", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        await new DatabaseInitializer(database.Activator).MigrateAsync(CancellationToken.None);

        await using var after = database.For(null);
        Assert.Equal(["Kept"], await after.Tenants.IgnoreQueryFilters().Select(t => t.Name).ToListAsync());
    }

    [Fact]
    public async Task A_database_whose_folder_cannot_be_created_fails_with_the_cause()
    {
        var activator = PortalDbContextActivator.For(DatabaseProvider.Sqlite, "Data Source=/proc/portal-cannot-write-here/portal.db");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new DatabaseInitializer(activator).MigrateAsync(CancellationToken.None));

        Assert.Contains("portal-cannot-write-here", error.GetBaseException().Message, StringComparison.Ordinal);
    }
}
