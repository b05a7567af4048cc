using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reports;

namespace NeverLetMeGo.Api.Corrections;

/// <summary>A reader's or operator's level for one block: none, premise or major.</summary>
public sealed record LevelRequest(string? Level);

/// <summary>
/// The block's effective level after the request, and the readers' reports per level. <c>pendingReview</c>: the reports ask
/// for a lower level, which only an operator may grant; the block keeps its level meanwhile.
/// </summary>
public sealed record CorrectionResponse(long ReviewId, int Index, string FromLevel, string EffectiveLevel, bool Changed, IReadOnlyDictionary<string, int> Reports, bool PendingReview = false);

public sealed record AuditEntryResponse(int Index, string FromLevel, string ToLevel, string Actor, DateTimeOffset ChangedAt);

internal static class CorrectionsApi
{
    public const string Allowed = "none, premise, major";

    public static IEndpointRouteBuilder MapCorrections(this IEndpointRouteBuilder app)
    {
        app.MapPost("/reviews/{id}/blocks/{index}/reports", Report).WithName("ReportBlockLevel").WithTags("Corrections")
            .RequireRateLimiting(Protocol.ReportsPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Report a block's spoiler level")
            .WithDescription("A reader says what level a block really is. One report per client (an IPv4 address or an IPv6 /64) and block (the latest counts); when enough clients agree (Corrections:ReportThreshold, default 3) on a higher level, the block's effective level rises on every surface, unless an operator has set it. Agreement on a lower level never un-hides anything by itself: it waits for an operator (`pendingReview`, GET /admin/reports). Rate limited per client.");
        var admin = app.MapGroup("/admin/reviews").WithTags("Corrections").RequireAdminKey()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/{id}/blocks/{index}/level", SetLevel).WithName("SetBlockLevel")
            .WithSummary("Set a block's spoiler level (operator)")
            .WithDescription("Sets the effective level outright; reader reports no longer change it. Every change is audited.");
        admin.MapGet("/{id}/audit", GetAudit).WithName("GetLevelAudit")
            .WithSummary("Audit trail of a review's level changes (operator)")
            .WithDescription("Every change of a block's effective level: who, when, from, to.");
        return app.MapReportQueue();
    }

    private static async Task<Results<Ok<CorrectionResponse>, ProblemHttpResult>> Report(
        long id, int index, LevelRequest request, HttpContext http, BlockCorrections corrections, IOptions<CorrectionOptions> options, CancellationToken ct)
    {
        if (!TryLevel(request.Level, out var level))
        {
            return Problems.BadParameter("level", $"level must be one of: {Allowed}.");
        }

        var result = await corrections.ReportAsync(id, index, level, ClientKey(http), options.Value.ReportThreshold, ct);
        return result is null ? BlockNotFound(id, index) : TypedResults.Ok(ToResponse(id, index, result));
    }

    private static async Task<Results<Ok<CorrectionResponse>, ProblemHttpResult>> SetLevel(
        long id, int index, LevelRequest request, HttpContext http, BlockCorrections corrections, CancellationToken ct)
    {
        if (!TryLevel(request.Level, out var level))
        {
            return Problems.BadParameter("level", $"level must be one of: {Allowed}.");
        }

        var actor = OperatorName(http);
        var result = await corrections.SetAsync(id, index, level, actor, ct);
        return result is null ? BlockNotFound(id, index) : TypedResults.Ok(ToResponse(id, index, result));
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryResponse>>, ProblemHttpResult>> GetAudit(long id, BlockCorrections corrections, CancellationToken ct)
    {
        if (await corrections.AuditAsync(id, ct) is not { } rows)
            return Problems.NotFound("Review", id);
        return TypedResults.Ok<IReadOnlyList<AuditEntryResponse>>([.. rows.Select(r => new AuditEntryResponse(r.Ordinal, Name(r.FromLevel), Name(r.ToLevel), r.Actor, r.ChangedAt))]);
    }

    private static CorrectionResponse ToResponse(long id, int index, CorrectionResult r)
        => new(id, index, Name(r.FromLevel), Name(r.EffectiveLevel), r.Changed, r.ReportsByLevel.ToDictionary(p => Name(p.Key), p => p.Value), r.Pending);

    private static ProblemHttpResult BlockNotFound(long id, int index)
        => TypedResults.Problem(title: "Block not found", detail: $"Review {id} has no block {index}.", statusCode: StatusCodes.Status404NotFound);

    private static bool TryLevel(string? value, out short level)
    {
        var known = SpoilerLevels.TryParse(value?.ToLowerInvariant(), out var parsed);
        level = known ? (short)parsed : (short)-1;
        return known;
    }

    /// <summary>The key itself is never stored: its hash prefix names the operator in the audit trail.</summary>
    internal static string OperatorName(HttpContext http) => "operator " + Hash(http.Request.Headers[AdminKeys.Header].ToString())[..8];

    internal static string Name(short level) => ((SpoilerLevel)level).ToWireName();

    /// <summary>Reports are counted per client (an IPv4 address or an IPv6 /64), stored only as a hash.</summary>
    private static string ClientKey(HttpContext http) => Hash(ClientAddress.Key(http));

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
