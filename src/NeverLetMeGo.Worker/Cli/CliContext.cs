using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Data.Postgres;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Scraping;
using Npgsql;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>What every command needs: configuration, the two output streams, logging, the clock.</summary>
internal sealed class CliContext(IConfiguration configuration, TextWriter output, TextWriter error, ILoggerFactory loggers, bool isTerminal)
{
    public IConfiguration Configuration => configuration;
    public TextWriter Out => output;
    public TextWriter Error => error;
    public ILoggerFactory Loggers => loggers;

    /// <summary>True when stderr is a person's terminal: progress may redraw one line instead of logging.</summary>
    public bool IsTerminal => isTerminal;

    public TimeProvider Clock { get; } = TimeProvider.System;

    public ILogger Logger(string category) => loggers.CreateLogger(category);

    /// <summary>The "Scraper" section, bound and validated; <paramref name="adjust"/> applies command-line overrides first.</summary>
    public ScraperOptions ScraperOptions(Action<ScraperOptions>? adjust = null)
    {
        ScraperOptions options;
        try
        {
            options = configuration.GetSection(Fetching.ScraperOptions.Section).Get<ScraperOptions>() ?? new ScraperOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException($"invalid configuration: {ex.Message}");
        }
        adjust?.Invoke(options);
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new CliException("invalid configuration: " + string.Join(" ", errors));
        return options;
    }

    /// <summary>ConnectionStrings:Reviews when set, else the embedded cluster (started or reused); migrated either way.</summary>
    public async Task<NpgsqlDataSource> OpenDatabaseAsync(CancellationToken ct)
    {
        var (connectionString, _) = await ResolveDatabaseAsync(ct);
        return ReviewsDatabase.CreateDataSource(connectionString);
    }

    public async Task<(string ConnectionString, bool IsEmbedded)> ResolveDatabaseAsync(CancellationToken ct)
    {
        try
        {
            return await ReviewsDatabase.ResolveAsync(configuration, Logger("NeverLetMeGo.Database"), ct);
        }
        catch (Exception ex) when (Failures.IsInfrastructure(ex))
        {
            throw new CliException($"cannot reach the database: {ex.Message}");
        }
    }
}
