using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data.Providers;

/// <summary>
/// Per-connection SQLite settings. In WAL mode synchronous=NORMAL is SQLite's recommended setting: the
/// database stays consistent after a crash, and commits no longer wait for a disk flush each (a power cut
/// can lose the last commits, which the job engine redoes from leases and identity keys).
/// A connection that finds the database locked by another writer lets SQLite wait for the lock (busy_timeout,
/// in steps of a few milliseconds) rather than Microsoft.Data.Sqlite, which retries only every 150 ms and
/// so stalls every contended write; 30 s is Microsoft.Data.Sqlite's own command timeout.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);
}
