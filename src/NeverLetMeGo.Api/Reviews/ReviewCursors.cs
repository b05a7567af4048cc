using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>Keyset cursor over (published_at desc, id desc), encoded as "ticks|id" ("-|id" for undated reviews).</summary>
internal static class ReviewCursors
{
    public static string Encode(ReviewSummaryRow last)
    {
        var when = last.PublishedAt is { } at ? at.UtcTicks.ToString(CultureInfo.InvariantCulture) : "-";
        return Paging.Encode($"{when}|{last.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    public static bool TryDecode(string cursor, [NotNullWhen(true)] out ReviewCursor? position)
    {
        position = null;
        if (!Paging.TryDecode(cursor, out var raw) || raw.Split('|') is not [var when, var idText]
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        if (when == "-")
        {
            position = new ReviewCursor(null, id);
            return true;
        }

        if (!long.TryParse(when, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        position = new ReviewCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
