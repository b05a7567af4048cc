using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Data.Tests;

/// <summary>Keeps every formatted log message, to assert on what the code tells operators.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyList<string> Messages => [.. messages];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        messages.Enqueue(formatter(state, exception));
}
