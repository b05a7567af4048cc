using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

internal static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/reviews").WithTags("Reviews")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        reviews.MapGet("/{id}", GetReview).WithName("GetReview")
            .WithSummary("Get a review, spoiler-masked")
            .WithDescription("Masking is on by default: premise and major spoiler blocks are hidden. spoilers=premise shows premise blocks; spoilers=all shows everything. Author warnings are always shown.");
        reviews.MapGet("/{id}/comments", GetComments).WithName("GetReviewComments")
            .WithSummary("Get a review's comment thread")
            .WithDescription("Comments in page order with their replies nested, masked with the same `spoilers` tolerance as the review.");
        return app;
    }

    private static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> GetReview(long id, string? spoilers, ReviewQueries reviews, CancellationToken ct)
    {
        if (!SpoilerTolerances.TryParse(spoilers, out var tolerance))
        {
            return Problems.BadParameter("spoilers", $"spoilers must be one of: {SpoilerTolerances.Allowed}.");
        }

        var review = await reviews.GetAsync(id, ct);
        if (review is null)
        {
            return Problems.NotFound("Review", id);
        }

        var blocks = ReviewMapping.Mask(review.Blocks, tolerance);
        return TypedResults.Ok(new ReviewResponse(
            ReviewMapping.ToSummary(review.Summary), tolerance.ToWireName(), blocks.Count(b => b.Hidden), blocks));
    }

    private static async Task<Results<Ok<CommentThreadResponse>, ProblemHttpResult>> GetComments(long id, string? spoilers, ReviewQueries reviews, CancellationToken ct)
    {
        if (!SpoilerTolerances.TryParse(spoilers, out var tolerance))
        {
            return Problems.BadParameter("spoilers", $"spoilers must be one of: {SpoilerTolerances.Allowed}.");
        }

        if (!await reviews.ExistsAsync(id, ct))
        {
            return Problems.NotFound("Review", id);
        }

        var rows = await reviews.GetCommentsAsync(id, ct);
        return TypedResults.Ok(new CommentThreadResponse(id, tolerance.ToWireName(), rows.Count, CommentThreads.Build(rows, tolerance)));
    }
}
