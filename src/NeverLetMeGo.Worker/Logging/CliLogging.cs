using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NeverLetMeGo.Worker.Logging;

internal static class CliLogging
{
    /// <summary>
    /// Logs go to stderr so stdout stays the command's output (JSON, tables, summaries). The real console gets the
    /// console logger (its formatter is configurable, e.g. json); any other writer gets plain lines.
    /// </summary>
    public static void Configure(ILoggingBuilder logging, IConfiguration configuration, TextWriter stderr)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddConfiguration(configuration.GetSection("Logging"));
        if (ReferenceEquals(stderr, Console.Error))
        {
            // Not AddSimpleConsole: it pins the formatter, and Logging:Console:FormatterName=json must be able to win. Naming
            // "simple" when nothing is configured matters: without a name the logger ignores SimpleConsoleFormatterOptions.
            logging.AddConsole(o =>
            {
                o.LogToStandardErrorThreshold = LogLevel.Trace;
                o.FormatterName ??= ConsoleFormatterNames.Simple;
            });
            logging.Services.Configure<SimpleConsoleFormatterOptions>(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
            logging.AddProvider(new TextWriterLoggerProvider(stderr, TimeProvider.System));
    }
}
