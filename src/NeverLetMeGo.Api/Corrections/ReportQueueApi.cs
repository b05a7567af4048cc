using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Data.Reports;

namespace NeverLetMeGo.Api.Corrections;

/// <summary>Readers' reports asking for a lower level than a block has: pending until an operator accepts or rejects them.</summary>
public sealed record LevelRequestResponse(
    long Id, long ReviewId, int Index, string FromLevel, string ToLevel, int Reports, string State, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy)
{
    internal static LevelRequestResponse From(LevelChangeRequest r) => new(
        r.Id, r.ReviewId, r.Ordinal, CorrectionsApi.Name(r.FromLevel), CorrectionsApi.Name(r.ToLevel), r.Reports, r.State, r.CreatedAt, r.DecidedAt, r.DecidedBy);
}

public sealed record LevelRequestListResponse(IReadOnlyList<LevelRequestResponse> Items);

/// <summary>The operator queue of reports that would lower a level: listed, accepted (the level changes, audited) or rejected.</summary>
internal static class ReportQueueApi
{
    public static IEndpointRouteBuilder MapReportQueue(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/admin/reports").WithTags("Corrections").RequireAdminKey()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/", List).WithName("ListLevelRequests")
            .WithSummary("Reports waiting for an operator (operator)")
            .WithDescription("Blocks whose readers agree on a lower level than the block has, oldest first: `state` pending (default), accepted or rejected; at most `limit` (1–1000, default 100).");
        reports.MapPost("/{id}/accept", Accept).WithName("AcceptLevelRequest").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Accept readers' reports (operator)")
            .WithDescription("The block takes the requested level as the operator's decision (reports no longer change it); audited.");
        reports.MapPost("/{id}/reject", Reject).WithName("RejectLevelRequest").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reject readers' reports (operator)")
            .WithDescription("The block keeps its level; the request records who rejected it and when.");
        return app;
    }

    private static async Task<Results<Ok<LevelRequestListResponse>, ProblemHttpResult>> List(LevelChangeRequests requests, string? state, int? limit, CancellationToken ct)
    {
        if (state is not null && !LevelRequestStates.All.Contains(state))
            return Problems.BadParameter("state", $"state must be one of: {string.Join(", ", LevelRequestStates.All)}.");
        if (limit is < 1 or > 1000)
            return Problems.BadParameter("limit", "limit must be between 1 and 1000.");
        var rows = await requests.ListAsync(state ?? LevelRequestStates.Pending, limit ?? 100, ct);
        return TypedResults.Ok(new LevelRequestListResponse([.. rows.Select(LevelRequestResponse.From)]));
    }

    private static Task<Results<Ok<LevelRequestResponse>, ProblemHttpResult>> Accept(long id, HttpContext http, LevelChangeRequests requests, CancellationToken ct)
        => DecideAsync(id, accept: true, http, requests, ct);

    private static Task<Results<Ok<LevelRequestResponse>, ProblemHttpResult>> Reject(long id, HttpContext http, LevelChangeRequests requests, CancellationToken ct)
        => DecideAsync(id, accept: false, http, requests, ct);

    private static async Task<Results<Ok<LevelRequestResponse>, ProblemHttpResult>> DecideAsync(
        long id, bool accept, HttpContext http, LevelChangeRequests requests, CancellationToken ct)
    {
        var (outcome, request) = await requests.DecideAsync(id, accept, CorrectionsApi.OperatorName(http), ct);
        return outcome switch
        {
            DecisionOutcome.Decided => TypedResults.Ok(LevelRequestResponse.From(request!)),
            DecisionOutcome.NotPending => TypedResults.Problem(
                title: "Request already decided", detail: $"Level request {id} was {request!.State} already.", statusCode: StatusCodes.Status409Conflict),
            _ => Problems.NotFound("level request", id),
        };
    }
}
