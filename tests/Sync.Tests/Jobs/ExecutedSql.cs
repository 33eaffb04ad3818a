using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Portal.Sync.Tests.Jobs;

/// <summary>Records the SQL that EF Core executes (its "command executed" log), and asks SQLite how it would run a statement.</summary>
internal sealed class ExecutedSql : ILoggerProvider, ILogger
{
    private const int CommandExecuted = 20101;

    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>SQLite's plan for <paramref name="sql"/>, one step a line; parameters stay unbound, which planning does not need.</summary>
    public static async Task<string> PlanAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN {sql}";
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(Environment.NewLine, steps);
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == CommandExecuted && state is IReadOnlyList<KeyValuePair<string, object?>> values
            && values.FirstOrDefault(v => v.Key == "commandText").Value is string sql)
        {
            Commands.Enqueue(sql);
        }
    }

    public void Dispose()
    {
    }
}
