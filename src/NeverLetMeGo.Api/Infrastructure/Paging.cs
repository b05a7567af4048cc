using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>Page size and opaque cursors. Cursors are base64url so clients treat them as tokens, not as ids to tinker with.</summary>
internal static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static bool TryLimit(int? requested, out int limit)
    {
        limit = requested ?? DefaultLimit;
        return limit is >= 1 and <= MaxLimit;
    }

    public static string LimitError => $"limit must be between 1 and {MaxLimit}.";

    public static string Encode(string raw) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(raw));

    public static bool TryDecode(string? cursor, out string raw)
    {
        raw = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 200)
        {
            return false;
        }

        try
        {
            raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Sets the RFC 8288 Link header for the next page, keeping the caller's other query parameters.</summary>
    public static void AddNextLink(HttpContext http, string? next)
    {
        if (next is null)
        {
            return;
        }

        var query = http.Request.Query
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}")
            .Append($"cursor={Uri.EscapeDataString(next)}");
        http.Response.Headers.Append("Link", string.Create(CultureInfo.InvariantCulture, $"<{http.Request.PathBase}{http.Request.Path}?{string.Join('&', query)}>; rel=\"next\""));
    }
}
