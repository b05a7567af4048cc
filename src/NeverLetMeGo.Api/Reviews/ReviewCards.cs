using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>
/// Link-preview fields (OpenGraph and Twitter card names) built from the safe title and the spoiler-safe excerpt only, so a
/// chat app or social site that unfurls a link cannot show more than the excerpt.
/// </summary>
public sealed record CardResponse(
    long ReviewId,
    string Title,
    string Description,
    string SiteName,
    string Url,
    bool ContainsSpoilers,
    IReadOnlyDictionary<string, string> OpenGraph,
    IReadOnlyDictionary<string, string> Twitter);

internal static class ReviewCards
{
    public const string SpoilerNote = " (Spoilers after this excerpt.)";

    public static RouteGroupBuilder MapReviewCard(this RouteGroupBuilder reviews)
    {
        reviews.MapGet("/{id}/card", GetCard).WithName("GetReviewCard")
            .WithSummary("Spoiler-safe link preview of a review")
            .WithDescription("OpenGraph and Twitter card fields (title, description, site) built from the safe title and the spoiler-safe excerpt only; a review with spoilers says so in the description.");
        return reviews;
    }

    private static async Task<Results<Ok<CardResponse>, ProblemHttpResult>> GetCard(long id, HttpContext http, ReviewQueries reviews, CancellationToken ct)
    {
        var review = await reviews.GetSummaryAsync(id, ct);
        if (review is null)
        {
            return Problems.NotFound("Review", id);
        }

        var url = string.Create(CultureInfo.InvariantCulture, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/?review={id}");
        return TypedResults.Ok(Build(ReviewMapping.ToSummary(review), url));
    }

    public static CardResponse Build(ReviewSummaryResponse summary, string url)
    {
        var description = (summary.Excerpt.Length > 0 ? summary.Excerpt : $"A review of {summary.WorkTitle} from {summary.SiteName}.")
            + (summary.ContainsSpoilers ? SpoilerNote : "");
        var openGraph = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["og:type"] = "article",
            ["og:title"] = summary.Title,
            ["og:description"] = description,
            ["og:site_name"] = summary.SiteName,
            ["og:url"] = url,
        };
        var twitter = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["twitter:card"] = "summary",
            ["twitter:title"] = summary.Title,
            ["twitter:description"] = description,
        };
        return new CardResponse(summary.Id, summary.Title, description, summary.SiteName, url, summary.ContainsSpoilers, openGraph, twitter);
    }
}
