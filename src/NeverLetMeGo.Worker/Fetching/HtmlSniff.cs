namespace NeverLetMeGo.Worker.Fetching;

/// <summary>
/// Refuses what is not an HTML document before it reaches extraction: the extractor makes a review of any text (a
/// Markdown README became a review of a work "Unknown"), so a file or a body served as text/html is looked at first.
/// </summary>
internal static class HtmlSniff
{
    // Enough for a doctype, comments and a long head before the first tag that says "HTML".
    private const int Window = 4096;

    public static void EnsureHtml(string text, string source)
    {
        if (!LooksLikeHtml(text))
        {
            throw new FetchException($"{source} is not an HTML page (it starts with {Opening(text)}); nothing was stored")
            {
                Kind = "not_html",
                Permanent = true,
            };
        }
    }

    /// <summary>Markup from its first character (an XML prologue only with an html element), or an html element or doctype near the start.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, Window)).TrimStart();
        // Text in another encoding (UTF-16 read as UTF-8) or a binary file has NULs all through it; a page with a stray one
        // is still a page (browsers drop it, and so does extraction).
        if (head.Count('\0') > head.Length / 100)
            return false;
        // A feed or sitemap also starts with '<', but only XHTML has an html element.
        var namesHtml = head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase);
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            return namesHtml;
        return (head.Length > 1 && head[0] == '<' && (char.IsAsciiLetter(head[1]) || head[1] is '!')) || namesHtml;
    }

    private static string Opening(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0)
            return "nothing: it is empty";
        var line = trimmed.AsSpan(0, Math.Min(trimmed.Length, 40));
        var end = line.IndexOfAny('\r', '\n');
        var shown = new string(end < 0 ? line : line[..end]).Replace('\0', '?');
        return $"\"{shown}\"";
    }
}
