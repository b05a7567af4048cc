using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Api.Reviews;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Feeds;

internal static class FeedsApi
{
    public const int EntryLimit = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").WithTags("Feeds")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        feeds.MapGet("/feed.atom", GetSiteFeed).WithName("GetSiteFeed")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .WithSummary("Atom feed of recent reviews")
            .WithDescription("The 50 newest reviews. Entries carry only the spoiler-safe excerpt and links; a review with spoilers says \"[spoilers after the excerpt]\" in its title, or \"[spoilers from the start]\" when it has no spoiler-free excerpt (its summary then says how many paragraphs are hidden).");
        feeds.MapGet("/works/{id}/feed.atom", GetWorkFeed).WithName("GetWorkFeed")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .WithSummary("Atom feed of a work's reviews")
            .WithDescription("The work's 50 newest reviews, spoiler-safe like `GetSiteFeed`.");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetSiteFeed(HttpContext http, ReviewQueries reviews, CancellationToken ct)
    {
        var rows = await reviews.ListRecentAsync(EntryLimit, ct);
        var entries = rows.Select(ReviewMapping.ToSummary).ToList();
        var site = SiteUri(http);
        var xml = AtomFeed.Write("urn:neverletmego:feed:recent", "NeverLetMeGo: recent reviews", new Uri(site, "/feed.atom"), site, entries, DateTimeOffset.UnixEpoch);
        return TypedResults.Content(xml, AtomFeed.ContentType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetWorkFeed(
        long id, HttpContext http, ReviewQueries reviews, CancellationToken ct)
    {
        if (await reviews.GetWorkPageAsync(id, new ReviewListQuery { Limit = EntryLimit }, ct) is not { Work: var work, Reviews: var rows })
        {
            return Problems.NotFound("Work", id);
        }

        var entries = rows.Select(ReviewMapping.ToSummary).ToList();
        var site = SiteUri(http);
        var self = new Uri(site, string.Create(CultureInfo.InvariantCulture, $"/works/{id}/feed.atom"));
        var xml = AtomFeed.Write($"urn:neverletmego:feed:work:{id}", $"NeverLetMeGo: reviews of {work.Title}", self, site, entries, work.CreatedAt);
        return TypedResults.Content(xml, AtomFeed.ContentType);
    }

    private static Uri SiteUri(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
}
