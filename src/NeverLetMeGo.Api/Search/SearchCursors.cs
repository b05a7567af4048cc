using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Search;

namespace NeverLetMeGo.Api.Search;

/// <summary>
/// Search cursors: "s:{query key}|{rank}|{review id}". The key is a hash of the query and tolerance, so a cursor cannot
/// continue a different search (its ranks would mean nothing there).
/// </summary>
internal static class SearchCursors
{
    public static string Encode(SearchHitRow last, string query, SpoilerTolerance tolerance)
        => Paging.Encode(string.Create(CultureInfo.InvariantCulture, $"s:{Key(query, tolerance)}|{last.Rank}|{last.Review.Id}"));

    public static bool TryDecode(string cursor, string query, SpoilerTolerance tolerance, [NotNullWhen(true)] out SearchCursor? position)
    {
        position = null;
        if (!Paging.TryDecode(cursor, out var raw) || !raw.StartsWith("s:", StringComparison.Ordinal) || raw[2..].Split('|') is not [var key, var rankText, var idText]
            || !string.Equals(key, Key(query, tolerance), StringComparison.Ordinal)
            || !decimal.TryParse(rankText, NumberStyles.Number, CultureInfo.InvariantCulture, out var rank)
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        position = new SearchCursor(rank, id);
        return true;
    }

    private static string Key(string query, SpoilerTolerance tolerance)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tolerance.ToWireName()}\n{query}")))[..12];
}
