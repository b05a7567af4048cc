using Dapper;
using NeverLetMeGo.Core.Masking;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>A review's summary and its stored view at one tolerance; the view is null while the review has none yet.</summary>
public sealed record ReviewViewRow(ReviewSummaryRow Summary, StoredView? View);

public sealed partial class ReviewQueries
{
    // Four primary-key reads and no block rows: the view was masked and encoded when the review was written.
    private const string ViewSql = $"""
        select {ReviewColumns.Summary}, v.hidden_blocks, v.blocks
        {ReviewColumns.From}
        left join review_views v on v.review_id = r.id and v.tolerance = @tolerance
        where r.id = @id
        """;

    /// <summary>
    /// The review as a reader at <paramref name="tolerance"/> sees it with the default mask, as stored (ReviewViews), in
    /// one statement; null when there is no such review.
    /// </summary>
    public async Task<ReviewViewRow?> GetViewAsync(long id, SpoilerTolerance tolerance, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { id, tolerance = (short)tolerance };
        await using var grid = await BufferedRows.QueryAsync(connection, new CommandDefinition(ViewSql, args, cancellationToken: ct));
        const int at = ReviewColumns.SummaryCount;
        var rows = await grid.ReadAsync(r => new ReviewViewRow(
            ReviewColumns.ReadSummary(r),
            r.IsDBNull(at) ? null : new StoredView(r.GetInt32(at), r.GetFieldValue<byte[]>(at + 1))));
        return rows.Count == 0 ? null : rows[0];
    }
}
