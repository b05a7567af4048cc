using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Api.Admin;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Api.Knowledge;
using NeverLetMeGo.Api.Reviews;
using NeverLetMeGo.Api.Works;
using NeverLetMeGo.Data.Knowledge;
using NeverLetMeGo.Data.Postgres;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Data.Works;
using NeverLetMeGo.Ingestion;
using Npgsql;

namespace NeverLetMeGo.Api;

/// <summary>Composes the API host. Program and the tests both start it through here, so tests run the real pipeline.</summary>
public static class ApiApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, IReadOnlyDictionary<string, string?>? configOverrides = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(RequestGuards.ConfigureKestrel);

        // Defaults under every other source: ASP.NET Core's per-request Information lines cost a third of the
        // throughput of GET /reviews/{id} (bench/README.md, Performance); Logging__LogLevel__Microsoft.AspNetCore brings them back.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        if (configOverrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(configOverrides);
        }

        // The database must be ready before the data source is registered, and the host's logging is not built yet.
        using var startupLogs = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var startupLogger = startupLogs.CreateLogger("NeverLetMeGo.Startup");
        var (connectionString, isEmbedded) = await ReviewsDatabase.ResolveAsync(builder.Configuration, startupLogger, ct);

        // The one clock of the process: every service that reads the time takes it from here (tests give their own).
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => ReviewsDatabase.CreateDataSource(connectionString));
        builder.Services.AddSingleton<ReviewQueries>();
        builder.Services.AddSingleton<WorkQueries>();
        builder.Services.AddSingleton<WorkRatingCache>();
        builder.Services.AddSingleton<WorkKnowledgeStore>();
        builder.Services.AddOperatorApi();
        builder.Services.AddApiProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
        if (isEmbedded)
        {
            builder.Services.AddSingleton(ReviewsDatabase.LocateEmbedded(builder.Configuration, startupLogger));
            builder.Services.AddHostedService<EmbeddedPostgresSupervision>();
        }

        builder.Services.AddApiDocumentation();
        builder.Services.AddSpoilerSafeSurfaces();

        var app = builder.Build();
        app.UseHeadAsGet();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiDocumentation();

        app.MapWorks();
        app.MapReviews();
        app.MapOperatorApi();
        app.MapSpoilerSafeSurfaces();
        app.MapSpoilerTerms();

        // A new user of the embedded default sees the sample corpus at once; a configured server opts in.
        var samples = app.Services.GetRequiredService<IOptions<SampleOptions>>().Value;
        if (samples.ImportOnFirstStart ?? isEmbedded)
        {
            await SampleCorpus.ImportOnceAsync(
                app.Services.GetRequiredService<NpgsqlDataSource>(), samples.Directory, startupLogger, ct, app.Services.GetRequiredService<TimeProvider>());
        }

        return app;
    }
}
