using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>Summaries for many reviews at once: one query for all their blocks, each review projected at the strictest tolerance.</summary>
internal static class SafeSummaries
{
    public static async Task<IReadOnlyList<ReviewSummaryResponse>> LoadAsync(ReviewQueries reviews, IReadOnlyList<ReviewSummaryRow> rows, CancellationToken ct)
    {
        var blocks = await reviews.GetBlocksAsync([.. rows.Select(r => r.Id)], ct);
        return [.. rows.Select(r => ReviewMapping.ToSummary(r, [.. blocks[r.Id]]))];
    }
}
