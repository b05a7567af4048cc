namespace NeverLetMeGo.Core.Model;

/// <summary>
/// The form a page's URL is kept in, so one page is one job and one review whatever link led to it: lower-case scheme and
/// host, no default port, no fragment, no tracking parameters (utm_*, fbclid, gclid, …). Jobs are queued under it;
/// extraction gives the review's URL (the page's rel=canonical when it is trustworthy) the same form, since some sites
/// print the tracking parameters of the link that led to the page into their canonical link.
/// </summary>
public static class PageUrls
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl",
    };

    /// <summary>The canonical http(s) URL; null when <paramref name="url"/> is not an absolute http(s) URL.</summary>
    public static string? Canonicalize(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        // A pair is cut of the '?' a doubled separator leaves ("?&?a=1"), or the form would not be its own form: built
        // again, the query loses one more '?' each time.
        var kept = uri.Query
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.TrimStart('?'))
            .Where(pair => pair.Length > 0 && !IsTracking(Uri.UnescapeDataString(pair.Split('=')[0])))
            .ToList();
        try
        {
            var builder = new UriBuilder(uri)
            {
                Fragment = string.Empty,
                Query = kept.Count == 0 ? string.Empty : string.Join('&', kept),
            };
            if (builder.Uri.IsDefaultPort)
                builder.Port = -1;
            return builder.Uri.AbsoluteUri;
        }
        catch (UriFormatException)
        {
            // Uri parses some strings it cannot build again ("https://:443@host/", a host of a direction mark): no page
            // address. Thrown, it failed a whole sitemap's poll for one entry, or a page for its canonical link.
            return null;
        }
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);
}
