using System.Globalization;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// The publication day a permalink spells ("/2012/07/24/slug", "/2012/8/9/3230431/…", "/blog/2012-11-06/slug"). Blogs and
/// news sites write it into the address when the post is published, so it outlives what the page says later: on Dragnet's
/// NBC and NFL pages the page's own date was the day they were saved or updated (a week after the address's, for all of
/// them alike), and 50 pages printed no date at all (bench/README.md, Extraction, session 5).
/// </summary>
internal static partial class UrlDate
{
    /// <summary>Midnight UTC of the day the URL's path spells, or null when it spells none.</summary>
    public static DateTimeOffset? Of(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
            return null;
        var match = PathDate().Match(uri.AbsolutePath);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(year, month) ? new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The page's date when the URL spells none or a day within one of it; the URL's day when the page gives no date or
    /// one two days or more away (a saved or updated date). One day apart is left to the page: time zones, and posts
    /// written one evening and published the next morning (The Telegraph's "/2017/11/16/" read 17 November 10:41 UTC).
    /// </summary>
    public static DateTimeOffset? Reconcile(DateTimeOffset? found, string? url)
    {
        if (Of(url) is not { } day)
            return found;
        if (found is not { } date)
            return day;
        return Math.Abs((date.UtcDateTime.Date - day.UtcDateTime.Date).TotalDays) < 2 ? date : day;
    }

    [GeneratedRegex(@"/(?<y>(?:19|20)\d\d)[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12]\d|3[01])(?=[/\-._]|$)")]
    private static partial Regex PathDate();
}
