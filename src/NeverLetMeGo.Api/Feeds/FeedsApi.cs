using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Feeds;

internal static class FeedsApi
{
    public const int EntryLimit = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        // Each feed tags its own bytes (ETags.Computed): they are in one buffer already, so the middleware need not copy
        // them into another to hash them.
        var feeds = app.MapGroup("").WithTags("Feeds").WithMetadata(ETags.Computed)
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

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetSiteFeed(
        HttpContext http, ReviewQueries reviews, CancellationToken ct)
    {
        var entries = await reviews.ListRecentFeedAsync(EntryLimit, ct);
        var site = SiteUri(http);
        return Send(http, AtomFeed.Write("urn:neverletmego:feed:recent", "NeverLetMeGo: recent reviews", new Uri(site, "/feed.atom"), site, entries, DateTimeOffset.UnixEpoch));
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetWorkFeed(
        long id, HttpContext http, ReviewQueries reviews, CancellationToken ct)
    {
        if (await reviews.GetWorkFeedAsync(id, EntryLimit, ct) is not { Work: var work, Entries: var entries })
        {
            return Problems.NotFound("Work", id);
        }

        var site = SiteUri(http);
        var self = new Uri(site, string.Create(CultureInfo.InvariantCulture, $"/works/{id}/feed.atom"));
        return Send(http, AtomFeed.Write($"urn:neverletmego:feed:work:{id}", $"NeverLetMeGo: reviews of {work.Title}", self, site, entries, work.CreatedAt));
    }

    // The tag is the hash of the bytes, as the ETags middleware would make it: a matching If-None-Match is a 304.
    private static Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Send(HttpContext http, ReadOnlyMemory<byte> feed)
        => ETags.Apply(http, ETags.Tag(feed.Span))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(feed, AtomFeed.ContentType);

    private static Uri SiteUri(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
}
