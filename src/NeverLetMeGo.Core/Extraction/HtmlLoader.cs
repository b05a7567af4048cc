using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>Turns a string into an HtmlAgilityPack document, refusing input that is not HTML or would take unbounded time.</summary>
internal static class HtmlLoader
{
    /// <summary>Deepest element nesting accepted. Real pages stay below 100; the parser's cost grows with the square of depth.</summary>
    public const int MaxDepth = 1000;

    private const string TooDeep = "Document has more than";

    public static HtmlDocument Load(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            throw new ExtractionException("document is empty");
        }

        if (LooksBinary(html))
        {
            throw new ExtractionException("document is not HTML (binary content)");
        }

        if (!HasMarkup(html))
        {
            throw new ExtractionException("document is not HTML (no markup)");
        }

        // No id index: nothing looks elements up by id, and building it costs a dictionary entry per element. No syntax
        // check: it keeps a table of open elements and a list of parse errors (a string per error) that nothing reads; the
        // table also lets the parser re-attach a same-named element in rare broken nesting, which changed no output on
        // either dev set (545 pages, every file diffed; bench/README.md, Extraction). The nesting limit is the parser's
        // own: it counts each element's depth as it attaches it and stops at the first one too deep, so a hostile page
        // costs no more than the first thousand levels of it, without a scan of the whole text before every parse. No
        // encoding read from <meta charset>: the text is already decoded, and nothing reads the declared encoding.
        var document = NewDocument();
        if (!TryLoad(document, html))
        {
            // Nested past the limit: read as a browser reads it, with the nesting flattened where browsers stop nesting
            // (an old page that never closes its <font> tags, or a hostile one), rather than refused.
            document = NewDocument();
            if (!TryLoad(document, DepthClamp.Flatten(html, FlattenedDepth)))
            {
                throw new ExtractionException($"nesting deeper than {MaxDepth} levels");
            }
        }

        return document;
    }

    /// <summary>The depth the flattened page nests to at most: Chromium's parser stops at 512, and the walks' limit is twice it.</summary>
    private const int FlattenedDepth = 500;

    private static HtmlDocument NewDocument() => new()
    {
        OptionUseIdAttribute = false, OptionCheckSyntax = false, OptionMaxNestedChildNodes = MaxDepth, OptionReadEncoding = false,
    };

    private static bool TryLoad(HtmlDocument document, string html)
    {
        try
        {
            document.LoadHtml(html);
            return true;
        }
        catch (Exception e) when (e.GetType() == typeof(Exception) && e.Message.StartsWith(TooDeep, StringComparison.Ordinal))
        {
            // HtmlAgilityPack throws a bare Exception for its nesting limit, told apart from its own failures by the message.
            return false;
        }
    }

    // Control characters other than whitespace (NUL among them), and U+FFFD from a failed decode, are rare in real text
    // and common in a binary file read as text. A few are a broken page, which browsers show (they drop a NUL): a single
    // NUL used to refuse the page.
    private static bool LooksBinary(string html)
    {
        var sample = html.AsSpan(0, Math.Min(html.Length, 4096));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD')
            {
                suspicious++;
            }
        }

        return suspicious > sample.Length / 20;
    }

    private static bool HasMarkup(string html)
    {
        var i = html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (char.IsAsciiLetter(next) || next == '!')
            {
                return true;
            }

            i = html.IndexOf('<', i + 1);
        }

        return false;
    }
}
