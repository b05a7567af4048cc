using System.Collections.Frozen;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>Turns a string into an HtmlAgilityPack document, refusing input that is not HTML or would take unbounded time.</summary>
internal static class HtmlLoader
{
    /// <summary>Deepest element nesting accepted. Real pages stay below 100; the parser's cost grows with the square of depth.</summary>
    public const int MaxDepth = 1000;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidNames =
        HtmlNames.Void.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SiblingNames =
        HtmlNames.SelfClosingSiblings.GetAlternateLookup<ReadOnlySpan<char>>();

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

        if (EstimateDepth(html) > MaxDepth)
        {
            throw new ExtractionException($"nesting deeper than {MaxDepth} levels");
        }

        // No id index: nothing looks elements up by id, and building it costs a dictionary entry per element. No syntax
        // check: it keeps a table of open elements and a list of parse errors (a string per error) that nothing reads; the
        // table also lets the parser re-attach a same-named element in rare broken nesting, which changed no output on
        // either dev set (545 pages, every file diffed; bench/README.md, Extraction).
        var document = new HtmlDocument { OptionUseIdAttribute = false, OptionCheckSyntax = false };
        document.LoadHtml(html);
        return document;
    }

    // Control characters other than whitespace, and U+FFFD from a failed decode, are rare in real text.
    private static bool LooksBinary(string html)
    {
        var sample = html.AsSpan(0, Math.Min(html.Length, 4096));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

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

    /// <summary>
    /// A cheap upper estimate of element nesting from the raw text, taken before parsing so that a hostile page
    /// costs microseconds to refuse rather than seconds to parse. Raw-text elements and comments are skipped.
    /// </summary>
    internal static int EstimateDepth(string html)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        Span<char> name = stackalloc char[16];
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (i + 3 < html.Length && html[i + 1] == '!' && html[i + 2] == '-' && html[i + 3] == '-')
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                i = end + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var length = 0;
            while (start + length < html.Length && length < name.Length && char.IsAsciiLetterOrDigit(html[start + length]))
            {
                name[length] = char.ToLowerInvariant(html[start + length]);
                length++;
            }

            if (length == 0 || !char.IsAsciiLetter(name[0]))
            {
                i++;
                continue;
            }

            ReadOnlySpan<char> tag = name[..length];
            var close = html.IndexOf('>', start + length);
            if (close < 0)
            {
                break;
            }

            var selfClosed = html[close - 1] == '/';
            i = close + 1;
            if (selfClosed || VoidNames.Contains(tag) || SiblingNames.Contains(tag))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (tag is "script" or "style" or "textarea" or "title" or "xmp" or "plaintext")
            {
                var end = EndTag(html, i, tag);
                i = end < 0 ? html.Length : end;
                continue;
            }

            depth++;
            max = Math.Max(max, depth);
        }

        return max;
    }

    /// <summary>
    /// Where the raw-text element's end tag starts. An ordinal search for "&lt;/" runs vectorised; a case-insensitive
    /// search for the whole end tag does not, and scripts are most of a page's bytes.
    /// </summary>
    private static int EndTag(string html, int from, ReadOnlySpan<char> tag)
    {
        for (var i = html.IndexOf("</", from, StringComparison.Ordinal); i >= 0; i = html.IndexOf("</", i + 2, StringComparison.Ordinal))
        {
            if (i + 2 + tag.Length <= html.Length && html.AsSpan(i + 2, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
