using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Sync.Tests.WooCommerce;

/// <summary>Everything logged, as text: each message with its structured values and exception.</summary>
internal sealed class LoggedText : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> entries = new();

    public string All => string.Join(Environment.NewLine, entries);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        entries.Enqueue($"scope: {state}");
        return null;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        entries.Enqueue($"{formatter(state, exception)} {string.Join(' ', values.Select(value => $"{value.Key}={value.Value}"))} {exception}");
    }

    public void Dispose()
    {
    }
}
