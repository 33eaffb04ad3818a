using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Sync.Jobs;

/// <summary>
/// An open connection of the job store whose statements stay prepared from one transaction to the next. SQLite
/// takes longer to prepare the job store's statements than to run them, so a writer that writes all the time
/// (the webhook inbox) keeps one; other writers open one per transaction, which costs what a plain command does.
/// </summary>
internal sealed class JobConnection(IModel model, DbConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, JobSqlCommand> statements = [];
    private DbTransaction? transaction;

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; rolled back when it throws.</summary>
    public async Task<T> InTransactionAsync<T>(Func<JobConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var current = await connection.BeginTransactionAsync(cancellationToken);
        transaction = current;
        try
        {
            var result = await work(this, cancellationToken);
            await current.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            transaction = null;
        }
    }

    /// <summary>The transaction <see cref="InTransactionAsync"/> runs, for statements that take it directly (the history's).</summary>
    public DbTransaction Transaction => transaction ?? throw new InvalidOperationException("The job store's statements run in a transaction.");

    /// <summary><paramref name="sql"/> in the current transaction, prepared on first use; the connection disposes it.</summary>
    public JobSqlCommand Statement(string sql)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new JobSqlCommand(model, connection, sql);
            statements[sql] = statement;
        }

        statement.Transaction = transaction ?? throw new InvalidOperationException("The job store's statements run in a transaction.");
        return statement;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }

        await connection.DisposeAsync();
    }
}
