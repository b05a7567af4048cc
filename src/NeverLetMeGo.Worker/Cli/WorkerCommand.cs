using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Ingestion;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Knowledge;
using NeverLetMeGo.Data.Politeness;
using NeverLetMeGo.Data.Postgres;
using NeverLetMeGo.Data.Sources;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Logging;
using NeverLetMeGo.Worker.Politeness;
using NeverLetMeGo.Worker.Queue;
using NeverLetMeGo.Worker.Sources;
using Npgsql;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg worker [--exit-when-empty] [--concurrency N]`: the long-lived service draining scrape_jobs.</summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var exitWhenEmpty = new Option<bool>("--exit-when-empty") { Description = "Stop once no job is due (batch runs, tests)." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Pages fetched at once (default: Scraper:Concurrency)." };
        var command = new Command("worker", "Run the scrape worker until Ctrl+C (or until the queue is empty with --exit-when-empty).")
        {
            exitWhenEmpty,
            concurrency,
        };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetValue(exitWhenEmpty), parse.GetValue(concurrency), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, bool exitWhenEmpty, int? concurrency, CancellationToken ct)
    {
        // Checked before the database is resolved, so a typo in configuration never starts a cluster.
        var options = context.ScraperOptions(o => o.Concurrency = concurrency ?? o.Concurrency);
        var (connectionString, isEmbedded) = await context.ResolveDatabaseAsync(ct);

        using var host = Build(context, connectionString, new WorkerRunOptions(exitWhenEmpty, options.Concurrency), isEmbedded);
        // Taken before running: RunAsync disposes the host's services when it returns.
        var stats = host.Services.GetRequiredService<WorkerStats>();
        try
        {
            await host.RunAsync(ct);
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException("invalid configuration: " + string.Join(" ", ex.Failures));
        }

        if (stats.Fault is { } fault)
            throw new CliException($"the worker stopped: {fault.Message}");
        if (exitWhenEmpty && !ct.IsCancellationRequested)
            context.Out.WriteLine($"Queue drained: done {stats.Done}, failed {stats.Failed}");
        // A stop by Ctrl+C or SIGTERM is the normal end of a service, not a failure.
        return ExitCodes.Ok;
    }

    internal static IHost Build(CliContext context, string connectionString, WorkerRunOptions run, bool superviseEmbedded = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddConfiguration(context.Configuration);
        CliLogging.Configure(builder.Logging, context.Configuration, context.Error);

        var services = builder.Services;
        // The worker logs its own start line; the host's banner (environment, content root) means nothing here.
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.AddOptions<ScraperOptions>().BindConfiguration(ScraperOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScraperOptions>, ScraperOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => ReviewsDatabase.CreateDataSource(connectionString));
        services.AddSingleton<ScrapeJobQueue>();
        services.AddSingleton<HostBudget>();
        services.AddSingleton<HostGate>();
        services.AddSingleton<ScrapeMetrics>();
        services.AddSingleton<MetricsBuffer>();
        services.AddSingleton<JobFetcher>();
        services.AddSingleton<JobProcessor>();
        services.AddSingleton<SourceStore>();
        services.AddSingleton<SourcePoller>();
        services.AddHostedService<SourcePollingService>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton(sp => new ReviewIngester(
            sp.GetRequiredService<ReviewStore>(), new WorkKnowledgeStore(sp.GetRequiredService<NpgsqlDataSource>()), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ScraperOptions>>().Value.ParseTimeout));
        services.AddSingleton<PageFetcher>(sp => new PageFetcher(sp.GetRequiredService<IOptions<ScraperOptions>>()));
        services.AddSingleton(run);
        services.AddSingleton<WorkerStats>();
        services.AddHostedService<ScrapeJobService>();
        if (superviseEmbedded)
        {
            services.AddSingleton(ReviewsDatabase.LocateEmbedded(context.Configuration, context.Logger("NeverLetMeGo.Database")));
            services.AddHostedService<EmbeddedPostgresSupervision>();
        }
        if (context.IsTerminal)
            services.AddHostedService(sp => new WorkerProgress(sp.GetRequiredService<WorkerStats>(), context.Error, sp.GetRequiredService<TimeProvider>()));
        return builder.Build();
    }
}
