using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Knowledge;

namespace NeverLetMeGo.Api.Knowledge;

/// <summary>Operators' known spoiler terms per work (e.g. "Rosebud", major, for Citizen Kane). Admin key required.</summary>
internal static class SpoilerTermsApi
{
    public const int MaxTermLength = 200;

    public static IEndpointRouteBuilder MapSpoilerTerms(this IEndpointRouteBuilder app)
    {
        var terms = app.MapGroup("/admin/works/{id}/spoiler-terms").WithTags("Admin")
            .RequireAdminKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        terms.MapGet("/", ListSpoilerTerms).WithName("ListSpoilerTerms")
            .WithSummary("List a work's spoiler terms")
            .WithDescription("The words and phrases operators have named as spoilers of this work, with their level.");
        terms.MapPost("/", AddSpoilerTerm).WithName("AddSpoilerTerm")
            .WithSummary("Add or change a work's spoiler term")
            .WithDescription("Stores a term (1–200 characters) with its level, `premise` or `major`; posting a term the work already has (in any letter case) changes its level. The tagger then tags every sentence of the work's reviews that mentions the term, with a reason such as \"mentions 'Rosebud', a major plot term for this work\"; run `nlmg retag --work {id}` to apply it to stored reviews.");
        return app;
    }

    private static async Task<Results<Ok<SpoilerTermListResponse>, ProblemHttpResult>> ListSpoilerTerms(long id, WorkKnowledgeStore store, CancellationToken ct)
    {
        if (!await store.WorkExistsAsync(id, ct))
        {
            return Problems.NotFound("Work", id);
        }

        var rows = await store.GetTermsAsync(id, ct);
        return TypedResults.Ok(new SpoilerTermListResponse(id, rows.Select(ToResponse).ToList()));
    }

    private static async Task<Results<Ok<SpoilerTermResponse>, ProblemHttpResult>> AddSpoilerTerm(
        long id, SpoilerTermRequest request, WorkKnowledgeStore store, CancellationToken ct)
    {
        var term = request.Term?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length > MaxTermLength)
        {
            return Problems.BadParameter("term", $"term is required and at most {MaxTermLength} characters.");
        }

        if (ParseLevel(request.Level) is not { } level)
        {
            return Problems.BadParameter("level", "level must be premise or major.");
        }

        var row = await store.UpsertTermAsync(id, term, level, ct);
        return row is null ? Problems.NotFound("Work", id) : TypedResults.Ok(ToResponse(row));
    }

    // A term that gives nothing away is not a spoiler term, so "none" is refused.
    private static SpoilerLevel? ParseLevel(string? level)
        => SpoilerLevels.TryParse(level, out var parsed) && parsed != SpoilerLevel.None ? parsed : null;

    private static SpoilerTermResponse ToResponse(SpoilerTermRow row) =>
        new(row.Term, row.Level.ToWireName(), row.UpdatedAt);
}
