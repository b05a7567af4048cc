using System.Globalization;
using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Worker.Logging;

/// <summary>
/// Plain one-line log records on a TextWriter: what `nlmg` writes to stderr when the caller supplies the writer
/// (tests running the CLI in-process), where the console logger cannot be pointed.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, TimeProvider clock) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(writer, clock, categoryName);

    public void Dispose()
    {
    }

    private sealed class TextWriterLogger(TextWriter writer, TimeProvider clock, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var time = clock.GetUtcNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var line = $"{time} {Short(logLevel)} {category}: {formatter(state, exception)}";
            if (exception is not null)
                line += Environment.NewLine + exception;
            // Synchronized writers are the caller's job (NlmgCli wraps them); one WriteLine keeps a record whole.
            writer.WriteLine(line);
        }

        private static string Short(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
