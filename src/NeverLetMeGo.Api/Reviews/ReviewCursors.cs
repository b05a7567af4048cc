using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>
/// Keyset cursors: newest order as "ticks|id" ("-|id" for undated reviews), rating order as "r:score|id" ("r:-|id" for
/// unrated). A cursor from one order is rejected by the other.
/// </summary>
internal static class ReviewCursors
{
    private const string RatingPrefix = "r:";

    public static string Encode(ReviewSummaryRow last, ReviewSort sort)
    {
        var key = sort == ReviewSort.Rating
            ? RatingPrefix + (last.RatingNormalized is { } r ? r.ToString("R", CultureInfo.InvariantCulture) : "-")
            : last.PublishedAt is { } at ? at.UtcTicks.ToString(CultureInfo.InvariantCulture) : "-";
        return Paging.Encode($"{key}|{last.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    public static bool TryDecode(string cursor, ReviewSort sort, [NotNullWhen(true)] out ReviewCursor? position)
    {
        position = null;
        if (!Paging.TryDecode(cursor, out var raw) || raw.Split('|') is not [var key, var idText]
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        var isRating = key.StartsWith(RatingPrefix, StringComparison.Ordinal);
        if (isRating != (sort == ReviewSort.Rating))
        {
            return false;
        }

        return isRating ? TryRating(key[RatingPrefix.Length..], id, out position) : TryNewest(key, id, out position);
    }

    private static bool TryRating(string key, long id, [NotNullWhen(true)] out ReviewCursor? position)
    {
        position = null;
        if (key == "-")
        {
            position = new ReviewCursor(null, id, null);
            return true;
        }

        // NaN passes every range comparison: a tampered "r:NaN" must be refused, not read as "from the start".
        if (!double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) || !double.IsFinite(rating) || rating is < 0 or > 100)
        {
            return false;
        }

        position = new ReviewCursor(null, id, rating);
        return true;
    }

    private static bool TryNewest(string key, long id, [NotNullWhen(true)] out ReviewCursor? position)
    {
        position = null;
        if (key == "-")
        {
            position = new ReviewCursor(null, id);
            return true;
        }

        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        position = new ReviewCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
