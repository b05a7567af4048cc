using NeverLetMeGo.Api.Operations;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Data.Sources;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NeverLetMeGo.Api.Admin;

/// <summary>The operator surface in two calls for ApiApp: admin scrape jobs, sources and review deletion, probes and metrics.</summary>
internal static class OperatorApi
{
    public static IServiceCollection AddOperatorApi(this IServiceCollection services)
    {
        // The workers' allow-list (Scraper:AllowedHosts), so the API refuses at enqueue time what they would refuse at fetch time.
        services.AddOptions<AllowedHostsOptions>().BindConfiguration(AllowedHostsOptions.Section);
        services.AddSingleton(sp => new UrlPolicy(sp.GetRequiredService<IOptions<AllowedHostsOptions>>().Value.AllowedHosts));
        services.AddSingleton(sp => new ScrapeJobQueue(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SourceStore>();
        services.AddSingleton<ScrapeMetrics>();
        services.AddSingleton<ReviewDeletions>();
        return services;
    }

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        app.MapScrapeJobsAdmin();
        app.MapSourcesAdmin();
        app.MapReviewsAdmin();
        app.MapOperations();
        return app;
    }
}

/// <summary>The hosts the scraper may fetch from besides public addresses (<c>Scraper:AllowedHosts</c>), shared with the workers.</summary>
internal sealed class AllowedHostsOptions
{
    public const string Section = "Scraper";

    public string[] AllowedHosts { get; set; } = [];
}
