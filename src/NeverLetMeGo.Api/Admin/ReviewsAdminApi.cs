using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Corrections;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Admin;

/// <summary>A deleted review: which, from which work, by whom (a hash prefix of their key), when.</summary>
public sealed record ReviewDeletionResponse(long ReviewId, long WorkId, string Url, string Actor, DateTimeOffset DeletedAt)
{
    public static ReviewDeletionResponse From(ReviewDeletion d) => new(d.ReviewId, d.WorkId, d.Url, d.Actor, d.DeletedAt);
}

/// <summary>Operator endpoints for stored reviews, behind the admin key.</summary>
internal static class ReviewsAdminApi
{
    public static IEndpointRouteBuilder MapReviewsAdmin(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/admin/reviews/{id}", DeleteReview).WithName("DeleteReview").WithTags("Admin").RequireAdminKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a review (operator)")
            .WithDescription("Deletes the review with its blocks, comments and reports, and records who deleted it and when. A work left with no reviews no longer appears in GET /works. Scraping the page again stores it anew.");
        return app;
    }

    private static async Task<Results<Ok<ReviewDeletionResponse>, ProblemHttpResult>> DeleteReview(
        long id, HttpContext http, ReviewDeletions deletions, CancellationToken ct)
        => await deletions.DeleteAsync(id, CorrectionsApi.OperatorName(http), ct) is { } deleted
            ? TypedResults.Ok(ReviewDeletionResponse.From(deleted))
            : Problems.NotFound("Review", id);
}
