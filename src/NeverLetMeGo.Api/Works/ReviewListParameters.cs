using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Api.Reviews;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Works;

/// <summary>Query parameters of a work's review list, checked into a <see cref="ReviewListQuery"/> (one extra row to see a next page).</summary>
internal static class ReviewListParameters
{
    public const string AllowedSorts = "newest, rating";

    public static ProblemHttpResult? TryParse(
        int? limit, string? cursor, string? sort, bool? spoilerFree, double? minRating, string? site, out ReviewListQuery query)
    {
        query = new ReviewListQuery { Limit = 1 };
        if (!Paging.TryLimit(limit, out var pageSize))
        {
            return Problems.BadParameter("limit", Paging.LimitError);
        }

        ReviewSort order;
        switch (sort?.ToLowerInvariant())
        {
            case null or "" or "newest":
                order = ReviewSort.Newest;
                break;
            case "rating":
                order = ReviewSort.Rating;
                break;
            default:
                return Problems.BadParameter("sort", $"sort must be one of: {AllowedSorts}.");
        }

        if (minRating is < 0 or > 100 || (minRating is { } m && double.IsNaN(m)))
        {
            return Problems.BadParameter("minRating", "minRating must be a number from 0 to 100 (the normalized scale).");
        }

        ReviewCursor? after = null;
        if (cursor is not null && !ReviewCursors.TryDecode(cursor, order, out after))
        {
            return Problems.BadParameter("cursor", "cursor is not one this API issued for this sort order.");
        }

        query = new ReviewListQuery
        {
            Limit = pageSize + 1,
            Sort = order,
            After = after,
            SpoilerFree = spoilerFree ?? false,
            MinRating = minRating,
            Site = string.IsNullOrWhiteSpace(site) ? null : site.Trim().ToLowerInvariant(),
        };
        return null;
    }
}
