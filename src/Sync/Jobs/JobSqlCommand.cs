using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Sync.Jobs;

/// <summary>
/// A hand-written statement of the job store, for the writes LINQ cannot express or makes slow on the queue's
/// hot paths: a job inserted only if its event has no job yet, history rows of several tenants at once.
/// It runs inside the caller's transaction. Each parameter is typed by the column it is written to or compared
/// with, so its value is converted and bound exactly as SaveChanges binds it (on SQLite GUIDs as text and
/// times as sortable numbers, on SQL Server native types): raw statements and LINQ agree on every row.
/// The SQL quotes names with brackets, which SQLite and SQL Server both read.
/// </summary>
internal sealed class JobSqlCommand : IDisposable
{
    private readonly IModel model;
    private readonly DbCommand command;
    private readonly Dictionary<string, (RelationalTypeMapping Mapping, bool Nullable)> columns = [];

    /// <summary>A statement run once, in <paramref name="transaction"/>.</summary>
    public JobSqlCommand(IModel model, DbTransaction transaction, string sql)
        : this(model, transaction.Connection!, sql) =>
        command.Transaction = transaction;

    /// <summary>A statement kept prepared on <paramref name="connection"/>, run again with new values in each transaction (see <see cref="JobConnection"/>).</summary>
    public JobSqlCommand(IModel model, DbConnection connection, string sql)
    {
        this.model = model;
        command = connection.CreateCommand();
        command.CommandText = sql;
    }

    public DbTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    /// <summary>Binds <paramref name="value"/> to <paramref name="parameter"/> as a value of <typeparamref name="TEntity"/>.<paramref name="property"/>.</summary>
    public JobSqlCommand Bind<TEntity>(string parameter, string property, object? value)
    {
        if (columns.TryGetValue(parameter, out var column))
        {
            command.Parameters[parameter] = column.Mapping.CreateParameter(command, parameter, value, column.Nullable);
            return this;
        }

        var mapped = model.FindEntityType(typeof(TEntity))?.FindProperty(property)
                     ?? throw new ArgumentException($"{typeof(TEntity).Name} has no mapped property {property}.", nameof(property));
        columns[parameter] = (mapped.GetRelationalTypeMapping(), mapped.IsNullable);
        command.Parameters.Add(mapped.GetRelationalTypeMapping().CreateParameter(command, parameter, value, mapped.IsNullable));
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    public Task<DbDataReader> ReadAsync(CancellationToken cancellationToken) => command.ExecuteReaderAsync(cancellationToken);

    public void Dispose() => command.Dispose();
}
