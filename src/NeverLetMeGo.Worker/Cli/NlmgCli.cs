using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Worker.Logging;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>The `nlmg` command line: configuration, logging and the command tree, runnable in-process.</summary>
internal static class NlmgCli
{
    /// <summary>Runs one command line; for tests, which supply their own writers and settings (e.g. ConnectionStrings:Reviews).</summary>
    internal static Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?>? configOverrides = null,
        CancellationToken ct = default)
        => RunAsync(args, stdout, stderr, configOverrides, handleSignals: false, ct);

    /// <summary>The real process passes handleSignals: Ctrl+C and SIGTERM become cancellation.</summary>
    internal static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?>? configOverrides,
        bool handleSignals,
        CancellationToken ct)
    {
        var isConsole = ReferenceEquals(stderr, Console.Error);
        // The fetch stage, the host and the progress display write from several threads.
        var output = ReferenceEquals(stdout, Console.Out) ? stdout : TextWriter.Synchronized(stdout);
        var error = isConsole ? stderr : TextWriter.Synchronized(stderr);

        var configuration = BuildConfiguration(configOverrides);
        using var loggers = new DeferredLoggerFactory(() => LoggerFactory.Create(logging => CliLogging.Configure(logging, configuration, error)));
        var context = new CliContext(configuration, output, error, loggers, isTerminal: isConsole && !Console.IsErrorRedirected);

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Long enough for the worker to finish the pages it holds before the process is torn down.
            ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(30) : null,
        };
        try
        {
            return await BuildRoot(context).Parse(args).InvokeAsync(invocation, ct);
        }
        finally
        {
            await output.FlushAsync(CancellationToken.None);
            await error.FlushAsync(CancellationToken.None);
        }
    }

    internal static IConfigurationRoot BuildConfiguration(IReadOnlyDictionary<string, string?>? overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("nlmg: scrape review pages into PostgreSQL with their spoilers tagged, and operate the scrape queue.");
        root.Subcommands.Add(ExtractCommand.Create(context));
        root.Subcommands.Add(ScrapeCommand.Create(context));
        root.Subcommands.Add(EnqueueCommand.Create(context));
        root.Subcommands.Add(WorkerCommand.Create(context));
        root.Subcommands.Add(JobsCommand.Create(context));
        root.Subcommands.Add(SourcesCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(ImportSamplesCommand.Create(context));
        root.Subcommands.Add(DbCommand.Create(context));
        root.Subcommands.Add(SpoilersCommand.Create(context));
        root.Subcommands.Add(RetagCommand.Create(context));
        root.Subcommands.Add(ReviewsCommand.Create(context));
        return root;
    }
}
