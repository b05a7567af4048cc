using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Api.Reviews;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Data.Works;

namespace NeverLetMeGo.Api.Works;

internal static class WorksApi
{
    public static IEndpointRouteBuilder MapWorks(this IEndpointRouteBuilder app)
    {
        var works = app.MapGroup("/works").WithTags("Works")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        works.MapGet("/", ListWorks).WithName("ListWorks")
            .WithSummary("List works with reviews")
            .WithDescription("Works ordered by title, with their review counts. Paged: follow `next` (also sent as a `Link: rel=\"next\"` header).");
        works.MapGet("/{id}", GetWork).WithName("GetWork")
            .WithSummary("Get one work")
            .WithDescription("A film or book and how many reviews it has.");
        works.MapGet("/{id}/reviews", ListWorkReviews).WithName("ListWorkReviews")
            .WithSummary("List a work's reviews")
            .WithDescription("Newest first (undated reviews last), or `sort=rating` (best first, unrated last). Filters: `spoilerFree=true`, `minRating` (0–100), `site` (host). Items carry metadata, rating, the spoiler summary and the spoiler-safe excerpt only. Paged like `ListWorks`.");
        works.MapGet("/{id}/rating", GetWorkRating).WithName("GetWorkRating").WithMetadata(ETags.Computed)
            .WithSummary("Aggregate rating of a work")
            .WithDescription("Count, mean, median, a 0–100 histogram in ten bins and the percentage of positive reviews (60 or more), from counters a trigger keeps current as reviews are added or changed. The median is exact: every normalized score is a multiple of 0.1 and the counters keep one bucket per tenth. The first page of contributing reviews is listed with each rating as written beside its normalized score and the conversion used (best first); `contributionsNext` continues on `GetWorkRatingContributions`. Unrated reviews are counted apart and never averaged in.");
        works.MapGet("/{id}/rating/contributions", GetWorkRatingContributions).WithName("GetWorkRatingContributions")
            .WithSummary("Every rating that contributes to a work's aggregate")
            .WithDescription("All rated reviews of the work, best first (ties: newest id first), each with its rating as written, its normalized 0–100 score and the conversion used. Paged like `ListWorks`; the rating's `contributionsNext` is a cursor for this route.");
        return app;
    }

    private static async Task<Results<Ok<WorkListResponse>, ProblemHttpResult>> ListWorks(
        HttpContext http, WorkQueries works, int? limit, string? cursor, CancellationToken ct)
    {
        if (!Paging.TryLimit(limit, out var pageSize))
        {
            return Problems.BadParameter("limit", Paging.LimitError);
        }

        long? after = null;
        if (cursor is not null)
        {
            if (!Paging.TryDecode(cursor, out var raw) || !long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
            {
                return Problems.BadParameter("cursor", "cursor is not one this API issued.");
            }

            after = afterId;
        }

        var rows = await works.ListAsync(pageSize + 1, after, ct);
        var items = rows.Take(pageSize).Select(w => new WorkResponse(w.Id, w.Title, w.ReviewCount)).ToList();
        var next = rows.Count > pageSize ? Paging.Encode(items[^1].Id.ToString(CultureInfo.InvariantCulture)) : null;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new WorkListResponse(items, next));
    }

    private static async Task<Results<Ok<WorkResponse>, ProblemHttpResult>> GetWork(long id, WorkQueries works, CancellationToken ct)
    {
        var work = await works.GetAsync(id, ct);
        return work is null ? Problems.NotFound("Work", id) : TypedResults.Ok(new WorkResponse(work.Id, work.Title, work.ReviewCount));
    }

    private static async Task<Results<Ok<ReviewListResponse>, ProblemHttpResult>> ListWorkReviews(
        long id, HttpContext http, ReviewQueries reviews, int? limit, string? cursor,
        string? sort, bool? spoilerFree, double? minRating, string? site, CancellationToken ct)
    {
        if (ReviewListParameters.TryParse(limit, cursor, sort, spoilerFree, minRating, site, out var query) is { } problem)
        {
            return problem;
        }

        if (await reviews.GetWorkPageAsync(id, query, ct) is not { Reviews: var rows })
        {
            return Problems.NotFound("Work", id);
        }

        var page = rows.Take(query.Limit - 1).ToList();
        var items = page.Select(ReviewMapping.ToSummary).ToList();
        var next = rows.Count > page.Count ? ReviewCursors.Encode(page[^1], query.Sort) : null;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new ReviewListResponse(items, next));
    }

    private static async Task<Results<Ok<WorkRatingResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetWorkRating(
        long id, HttpContext http, WorkQueries works, WorkRatingCache cache, CancellationToken ct)
    {
        // The version is one primary-key read; the counters and contributions are read only when it moved.
        if (await works.GetRatingVersionAsync(id, ct) is not { } version)
        {
            return Problems.NotFound("Work", id);
        }

        if (ETags.Apply(http, WorkRatingCache.Tag(id, version)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (cache.TryGet(id, version, out var cached))
        {
            return TypedResults.Ok(cached);
        }

        if (await works.GetRatingPageAsync(id, Paging.DefaultLimit + 1, ct) is not { } rating)
        {
            return Problems.NotFound("Work", id);
        }

        var (page, next) = ContributionPage(rating.Contributions, Paging.DefaultLimit);
        var response = WorkRatings.ToResponse(rating.Stats, page, next);
        cache.Set(id, rating.Version, response);
        // A change committed between the two reads: the body is newer than the tag already set, so tag what was read.
        if (rating.Version != version)
        {
            ETags.Apply(http, WorkRatingCache.Tag(id, rating.Version));
        }

        return TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<RatingContributionListResponse>, ProblemHttpResult>> GetWorkRatingContributions(
        long id, HttpContext http, WorkQueries works, int? limit, string? cursor, CancellationToken ct)
    {
        if (!Paging.TryLimit(limit, out var pageSize))
        {
            return Problems.BadParameter("limit", Paging.LimitError);
        }

        ContributionCursor? after = null;
        if (cursor is not null && !WorkRatings.TryDecodeCursor(cursor, out after))
        {
            return Problems.BadParameter("cursor", "cursor is not one this API issued for rating contributions.");
        }

        if (await works.GetAsync(id, ct) is null)
        {
            return Problems.NotFound("Work", id);
        }

        var (page, next) = await ContributionPageAsync(works, id, pageSize, after, ct);
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new RatingContributionListResponse(id, WorkRatings.ToResponses(page), next));
    }

    private static async Task<(IReadOnlyList<RatingContributionRow> Page, string? Next)> ContributionPageAsync(
        WorkQueries works, long id, int pageSize, ContributionCursor? after, CancellationToken ct)
    {
        return ContributionPage(await works.GetRatingContributionsAsync(id, pageSize + 1, after, ct), pageSize);
    }

    /// <summary>Up to pageSize of rows read with one more, and the cursor after the page when there was one more.</summary>
    private static (IReadOnlyList<RatingContributionRow> Page, string? Next) ContributionPage(IReadOnlyList<RatingContributionRow> rows, int pageSize)
    {
        var page = rows.Take(pageSize).ToList();
        return (page, rows.Count > pageSize ? WorkRatings.EncodeCursor(page[^1]) : null);
    }
}
