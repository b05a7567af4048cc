using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>Summaries for many reviews at once: one query for their blocks, each review projected at the strictest tolerance.</summary>
internal static class SafeSummaries
{
    public static async Task<IReadOnlyList<ReviewSummaryResponse>> LoadAsync(ReviewQueries reviews, IReadOnlyList<ReviewSummaryRow> rows, CancellationToken ct)
    {
        // The summary reads the leading blocks' text for the excerpt (one more than it shows, to know it stops there) and
        // the spoiler blocks' text only for titles it compares with them; the rest of the text is never loaded.
        var titled = rows.Where(r => SafeText.TitleReadsSpoilerBlocks(r.Title, r.WorkTitle)).Select(r => r.Id).ToArray();
        var blocks = await reviews.GetSummaryBlocksAsync([.. rows.Select(r => r.Id)], titled, SafeText.ExcerptBlocks + 1, ct);
        return [.. rows.Select(r => ReviewMapping.ToSummary(r, [.. blocks[r.Id]]))];
    }
}
