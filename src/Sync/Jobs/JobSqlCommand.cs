using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Sync.Jobs;

/// <summary>
/// A hand-written statement of the job store, for the writes LINQ cannot express or makes slow on the queue's
/// hot paths: a job inserted only if its event has not succeeded, history rows of several tenants at once.
/// It runs inside the caller's transaction. Each parameter is typed by the column it is written to or compared
/// with, so its value is converted and bound exactly as SaveChanges binds it (on SQLite GUIDs as text and
/// times as sortable numbers, on SQL Server native types): raw statements and LINQ agree on every row.
/// The SQL quotes names with brackets, which SQLite and SQL Server both read.
/// </summary>
internal sealed class JobSqlCommand : IDisposable
{
    private readonly IModel model;
    private readonly DbCommand command;

    public JobSqlCommand(IModel model, DbTransaction transaction, string sql)
    {
        this.model = model;
        command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
    }

    /// <summary>Binds <paramref name="value"/> to <paramref name="parameter"/> as a value of <typeparamref name="TEntity"/>.<paramref name="property"/>.</summary>
    public JobSqlCommand Bind<TEntity>(string parameter, string property, object? value)
    {
        var column = model.FindEntityType(typeof(TEntity))?.FindProperty(property)
                     ?? throw new ArgumentException($"{typeof(TEntity).Name} has no mapped property {property}.", nameof(property));
        command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, parameter, value, column.IsNullable));
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    public void Dispose() => command.Dispose();
}
