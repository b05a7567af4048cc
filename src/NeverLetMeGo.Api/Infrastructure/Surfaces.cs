using Microsoft.Extensions.FileProviders;
using NeverLetMeGo.Api.Corrections;
using NeverLetMeGo.Api.Feeds;
using NeverLetMeGo.Api.Search;
using NeverLetMeGo.Data.Reports;
using NeverLetMeGo.Data.Search;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>The spoiler-safe surfaces beyond works and reviews (feeds, search, corrections) and the protocol middleware, composed once so ApiApp stays short.</summary>
internal static class Surfaces
{
    public static IServiceCollection AddSpoilerSafeSurfaces(this IServiceCollection services)
    {
        services.AddSingleton<SearchQueries>();
        services.AddSingleton<BlockCorrections>();
        services.AddSingleton<LevelChangeRequests>();
        return services.AddApiOptions().AddProtocol();
    }

    public static WebApplication MapSpoilerSafeSurfaces(this WebApplication app)
    {
        // The front-end page at / (static files, no build step), from the build output so every host finds it.
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseSecurityHeaders();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseProtocol();
        app.MapFeeds();
        app.MapSearch();
        app.MapCorrections();
        return app;
    }
}
