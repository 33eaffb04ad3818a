using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Portal.Data.Providers;

namespace Portal.Data;

/// <summary>
/// Builds the provider-specific context. The options are built once per process; each context gets the
/// tenant context of the scope that asks for it.
/// </summary>
public sealed class PortalDbContextActivator
{
    private readonly Func<ITenantContext, PortalDbContext> create;
    private readonly Lazy<IModel> model;

    private PortalDbContextActivator(DatabaseProvider provider, string connectionString, Func<ITenantContext, PortalDbContext> create)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.create = create;
        model = new(() =>
        {
            using var db = create(NoTenant.Instance);
            return db.Model;
        });
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public PortalDbContext Create(ITenantContext tenantContext) => create(tenantContext);

    /// <summary>The model every context shares: tables, columns and how each value is stored.</summary>
    public IModel Model => model.Value;

    /// <summary>
    /// An open connection set up as a context's would be, without a context: for the few hot paths that write
    /// with plain ADO.NET, where creating a context costs more than the statement.
    /// </summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Provider == DatabaseProvider.Sqlite)
            {
                await SqliteConnectionSettings.ApplyAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static PortalDbContextActivator For(DatabaseProvider provider, string connectionString, ILoggerFactory? loggerFactory = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = Configure(new DbContextOptionsBuilder<SqlitePortalDbContext>(), loggerFactory)
                    .UseSqlite(connectionString)
                    .AddInterceptors(new SqliteConnectionSettings())
                    .Options;
                return new(provider, connectionString, tenant => new SqlitePortalDbContext(sqlite, tenant));
            case DatabaseProvider.SqlServer:
                // No EnableRetryOnFailure: its strategy refuses the explicit transactions that setup and member changes
                // use. Transient failures are retried where the unit of work is known: by the job engine, or by the user.
                var sqlServer = Configure(new DbContextOptionsBuilder<SqlServerPortalDbContext>(), loggerFactory)
                    .UseSqlServer(connectionString).Options;
                return new(provider, connectionString, tenant => new SqlServerPortalDbContext(sqlServer, tenant));
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider must be Sqlite or SqlServer.");
        }
    }

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext
    {
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder;
    }
}
