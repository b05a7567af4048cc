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
        reviews.MapGet("/{id}", GetReview).WithName("GetReview").WithMetadata(ETags.Computed)
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces(StatusCodes.Status302Found)
            .WithSummary("Get a review, spoiler-masked")
            .WithDescription("Masking is on by default: premise and major spoiler blocks are hidden. spoilers=premise shows premise blocks; spoilers=all shows everything. Author warnings are always shown. Hidden blocks keep index, kind, level and a reason, never their text or its length: `mask=placeholder` (default) gives a null text, `redact` one fixed placeholder, `omit` leaves them out, `sentences` a null text plus `parts`: the block's sentences this reader may see and one hidden part per run of those they may not (only for article blocks whose level the tagger set; comments and corrected blocks stay whole). The summary carries the spoiler counts and the spoiler-safe excerpt; the title is replaced when it reveals. `format=html` from a browser tab's navigation redirects (302) to the reading page for the review.");
        reviews.MapGet("/{id}/html", GetReviewHtml).WithName("GetReviewHtml")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces(StatusCodes.Status302Found)
            .WithSummary("Get a review as ready-to-render HTML")
            .WithDescription("The masked review as an HTML fragment (`Accept: text/html`). Every hidden block is a `button` with `aria-expanded` and a label like \"Spoiler (major) — reveal\" that never contains the hidden text; the page fetches the text from `GetReviewBlock` on reveal. With `mask=sentences` a hidden block also shows the sentences the reader may see, with a marker naming only the level where the others were. All scraped text is HTML-escaped. A browser tab that navigates here (`Sec-Fetch-Mode: navigate`) is redirected (302) to the reading page for the review, since the fragment alone has no styles or scripts.");
        reviews.MapGet("/{id}/blocks/{index}", GetBlock).WithName("GetReviewBlock")
            .WithSummary("Get one block of a review")
            .WithDescription("One block, masked at `spoilers` unless `reveal=true`: revealing is the reader's explicit choice for this block, which is how the HTML reveal controls get their text.");
        reviews.MapReviewCard();
        reviews.MapGet("/{id}/comments", GetComments).WithName("GetReviewComments")
            .WithSummary("Get a review's comment thread")
            .WithDescription("Comments in page order with their replies nested, masked with the same `spoilers` tolerance as the review.");
        return app;
    }

    private static async Task<Results<Ok<ReviewResponse>, ContentHttpResult, StatusCodeHttpResult, RedirectHttpResult, ProblemHttpResult>> GetReview(
        long id, string? spoilers, string? mask, string? format, HttpContext http, ReviewQueries reviews, CancellationToken ct)
    {
        if (!ReadOptions.TryParse(spoilers, mask, out var options, out var problem))
        {
            return problem!;
        }

        if (format is not null && !IsFormat(format, "json") && !IsFormat(format, "html"))
        {
            return Problems.BadParameter("format", "format must be one of: json, html.");
        }

        var html = format is not null && IsFormat(format, "html");
        if (html && ReadingPageRedirect.IsNavigation(http.Request))
        {
            return ReadingPageRedirect.To(id);
        }

        // A revalidation reads the review's version only; the blocks are loaded when the client's copy is stale.
        if (http.Request.Headers.IfNoneMatch.Count > 0 && await reviews.GetVersionAsync(id, ct) is { } current
            && ReviewETags.For(id, current, options, html) is var tag && ETags.Matches(http, tag))
        {
            ETags.Apply(http, tag);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        // The default mask in JSON was decided and encoded when the review was written: one row, nothing masked here.
        var stored = !html && options.Mask == MaskMode.Placeholder ? await reviews.GetViewAsync(id, options.Tolerance, ct) : null;
        if (stored is { View: { } view })
        {
            return ETags.Apply(http, ReviewETags.For(id, stored.Summary.Version, options, html))
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : TypedResults.Ok(new ReviewResponse(ReviewMapping.ToSummary(stored.Summary), options.Tolerance.ToWireName(), options.Mask.ToWireName(),
                    view.HiddenBlocks, new StoredBlocks(view.BlocksJson)));
        }

        // Other masks, HTML, and a review stored before its views: masked from its blocks.
        var review = await reviews.GetAsync(id, sentences: options.Mask == MaskMode.Sentences, ct);
        if (review is null)
        {
            return Problems.NotFound("Review", id);
        }

        if (ETags.Apply(http, ReviewETags.For(id, review.Version, options, html)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var masked = ReviewMapping.Mask(review.Blocks, options.Tolerance, options.Mask);
        var summary = ReviewMapping.ToSummary(review.Summary);
        if (html)
        {
            return TypedResults.Content(ReviewHtml.Render(summary, masked, options), ReviewHtml.ContentType);
        }

        return TypedResults.Ok(new ReviewResponse(
            summary, options.Tolerance.ToWireName(), options.Mask.ToWireName(), masked.HiddenBlocks, [.. masked.Blocks.Select(ReviewMapping.ToResponse)]));
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult, ProblemHttpResult>> GetReviewHtml(
        long id, string? spoilers, string? mask, HttpContext http, ReviewQueries reviews, CancellationToken ct)
    {
        if (!ReadOptions.TryParse(spoilers, mask, out var options, out var problem))
        {
            return problem!;
        }

        if (ReadingPageRedirect.IsNavigation(http.Request))
        {
            return ReadingPageRedirect.To(id);
        }

        var review = await reviews.GetAsync(id, sentences: options.Mask == MaskMode.Sentences, ct);
        if (review is null)
        {
            return Problems.NotFound("Review", id);
        }

        var masked = ReviewMapping.Mask(review.Blocks, options.Tolerance, options.Mask);
        return TypedResults.Content(ReviewHtml.Render(ReviewMapping.ToSummary(review.Summary), masked, options), ReviewHtml.ContentType);
    }

    private static async Task<Results<Ok<BlockResponse>, ProblemHttpResult>> GetBlock(
        long id, int index, bool? reveal, string? spoilers, ReviewQueries reviews, CancellationToken ct)
    {
        if (!ReadOptions.TryParse(spoilers, null, out var options, out var problem))
        {
            return problem!;
        }

        var review = await reviews.GetAsync(id, ct);
        if (review is null)
        {
            return Problems.NotFound("Review", id);
        }

        if (review.Blocks.FirstOrDefault(b => b.Ordinal == index) is not { } row)
        {
            return TypedResults.Problem(title: "Block not found", detail: $"Review {id} has no block {index}.", statusCode: StatusCodes.Status404NotFound);
        }

        // Revealing is the reader's explicit choice for this one block.
        var tolerance = reveal == true ? SpoilerTolerance.All : options.Tolerance;
        return TypedResults.Ok(ReviewMapping.ToResponse(SpoilerMask.Apply(ReviewMapping.ToBlock(row), tolerance)));
    }

    private static bool IsFormat(string value, string name) => string.Equals(value, name, StringComparison.OrdinalIgnoreCase);

    private static async Task<Results<Ok<CommentThreadResponse>, ProblemHttpResult>> GetComments(
        long id, string? spoilers, string? mask, ReviewQueries reviews, CancellationToken ct)
    {
        if (!ReadOptions.TryParse(spoilers, mask, out var options, out var problem))
        {
            return problem!;
        }

        if (await reviews.FindCommentsAsync(id, ct) is not { } rows)
        {
            return Problems.NotFound("Review", id);
        }

        return TypedResults.Ok(new CommentThreadResponse(id, options.Tolerance.ToWireName(), rows.Count, CommentThreads.Build(rows, options)));
    }
}
