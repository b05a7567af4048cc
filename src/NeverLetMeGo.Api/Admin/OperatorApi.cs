using NeverLetMeGo.Api.Operations;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Data.Sources;
using Npgsql;

namespace NeverLetMeGo.Api.Admin;

/// <summary>The operator surface in two calls for ApiApp: admin scrape jobs, sources and review deletion, probes and metrics.</summary>
internal static class OperatorApi
{
    public static IServiceCollection AddOperatorApi(this IServiceCollection services, IConfiguration config)
    {
        // The workers' allow-list, so the API refuses at enqueue time what they would refuse at fetch time.
        services.AddSingleton(new UrlPolicy(config.GetSection("Scraper:AllowedHosts").Get<string[]>() ?? []));
        services.AddSingleton(sp => new ScrapeJobQueue(sp.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System));
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
