using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Sources;

namespace NeverLetMeGo.Api.Admin;

/// <summary>Operator endpoints for sources (sitemaps and feeds), behind the admin key.</summary>
internal static class SourcesAdminApi
{
    public static IEndpointRouteBuilder MapSourcesAdmin(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/admin/sources").WithTags("Admin").RequireAdminKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        sources.MapPost("/", AddSource).WithName("AddSource")
            .WithSummary("Register a sitemap or feed")
            .WithDescription("The worker polls registered sources and queues every new entry. `kind` is `sitemap` (sitemap.xml or a sitemap index) or `feed` (RSS or Atom); when omitted it is `sitemap` for URLs naming a sitemap, else `feed`. 201 for a new source, 200 when the URL was already registered.");
        sources.MapGet("/", ListSources).WithName("ListSources")
            .WithSummary("List sources")
            .WithDescription("Every registered source with when it was last polled, its last error and how many entries it has given.");
        return app;
    }

    private static async Task<Results<Created<SourceResponse>, Ok<SourceResponse>, ProblemHttpResult>> AddSource(AddSourceRequest request, SourceStore sources, CancellationToken ct)
    {
        if (PageUrls.Canonicalize(request.Url ?? "") is not { } url)
            return Problems.BadParameter("url", "url must be an absolute http(s) URL.");
        var kind = request.Kind ?? (url.Contains("sitemap", StringComparison.OrdinalIgnoreCase) ? SourceKinds.Sitemap : SourceKinds.Feed);
        if (!SourceKinds.All.Contains(kind))
            return Problems.BadParameter("kind", "kind must be sitemap or feed.");
        var (source, created) = await sources.AddAsync(url, kind, ct);
        var response = SourceResponse.From(source);
        return created ? TypedResults.Created($"/admin/sources/{source.Id}", response) : TypedResults.Ok(response);
    }

    private static async Task<Ok<SourceListResponse>> ListSources(SourceStore sources, CancellationToken ct) =>
        TypedResults.Ok(new SourceListResponse([.. (await sources.ListAsync(ct)).Select(SourceResponse.From)]));
}
