using NeverLetMeGo.Api.Feeds;
using NeverLetMeGo.Api.Search;
using NeverLetMeGo.Data.Search;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>The spoiler-safe surfaces beyond works and reviews (feeds, search), composed once so ApiApp stays short.</summary>
internal static class Surfaces
{
    public static IServiceCollection AddSpoilerSafeSurfaces(this IServiceCollection services)
    {
        services.AddSingleton<SearchQueries>();
        return services;
    }

    public static WebApplication MapSpoilerSafeSurfaces(this WebApplication app)
    {
        app.MapFeeds();
        app.MapSearch();
        return app;
    }
}
