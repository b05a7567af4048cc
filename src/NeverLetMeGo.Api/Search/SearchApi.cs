using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Api.Reviews;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Search;

namespace NeverLetMeGo.Api.Search;

/// <summary>A matching review: its safe summary and a snippet from one visible block (<c>SnippetHtml</c> escaped, matches in &lt;mark&gt;).</summary>
public sealed record SearchHitResponse(ReviewSummaryResponse Review, int BlockIndex, string Snippet, string SnippetHtml, double Rank);

public sealed record SearchResponse(string Query, string Spoilers, IReadOnlyList<SearchHitResponse> Items, string? Next);

internal static class SearchApi
{
    public const int MaxQueryLength = 200;

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", Search).WithName("SearchReviews").WithTags("Search")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Full-text search over reviews")
            .WithDescription("PostgreSQL full-text search (web search syntax: words, \"phrases\", -excluded) over the blocks the reader's `spoilers` tolerance shows. Hidden blocks neither match nor appear in snippets; each hit's snippet comes from its first visible block holding every searched word (its first visible block when none does). Best match first (a word found in more than 1,000 reviews is ranked among the first 1,000 matches read); paged like `ListWorks` (a cursor only continues the same `q` and `spoilers`).");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        string? q, string? spoilers, int? limit, string? cursor, HttpContext http, SearchQueries search, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQueryLength)
        {
            return Problems.BadParameter("q", $"q is required: the words to search for, at most {MaxQueryLength} characters.");
        }

        if (!ReadOptions.TryParse(spoilers, null, out var options, out var problem))
        {
            return problem!;
        }

        if (!Paging.TryLimit(limit, out var pageSize))
        {
            return Problems.BadParameter("limit", Paging.LimitError);
        }

        var query = q.Trim();
        SearchCursor? after = null;
        if (cursor is not null && !SearchCursors.TryDecode(cursor, query, options.Tolerance, out after))
        {
            return Problems.BadParameter("cursor", "cursor is not one this API issued for this q and spoilers.");
        }

        var rows = await search.SearchAsync(query, options.Tolerance, pageSize + 1, after, ct);
        var hits = rows.Take(pageSize).ToList();
        var items = hits.Select(ToResponse).ToList();
        var next = rows.Count > pageSize ? SearchCursors.Encode(hits[^1], query, options.Tolerance) : null;
        Paging.AddNextLink(http, next);
        return TypedResults.Ok(new SearchResponse(query, options.Tolerance.ToWireName(), items, next));
    }

    private static SearchHitResponse ToResponse(SearchHitRow hit)
    {
        var marked = Snippets.Mark(hit.BlockText, hit.Lexemes);
        return new SearchHitResponse(ReviewMapping.ToSummary(hit.Review), hit.Ordinal, Snippets.Plain(marked), Snippets.Html(marked), Math.Round((double)hit.Rank, 4));
    }
}
