using System.Collections.Frozen;
using System.Text;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// Nesting flattened as browsers flatten it. An old page that opens a &lt;font&gt; per paragraph and never closes one
/// nests its text a level deeper every paragraph; browsers stop nesting at a fixed depth (Chromium's parser at 512) and
/// add what follows beside the deepest element, so the reader still sees every paragraph. This drops the start tags that
/// would open an element below <c>limit</c> (and their end tags), keeping all text: one pass over the markup, so a
/// hostile page costs no more than its length. Used only when the parser refused a page for its depth.
/// </summary>
internal static class DepthClamp
{
    private static readonly FrozenSet<string> Void = FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"], StringComparer.Ordinal);

    // Their text is not markup: copied as it is up to their end tag.
    private static readonly FrozenSet<string> RawText = FrozenSet.ToFrozenSet(
        ["script", "style", "textarea", "title", "xmp", "plaintext", "noscript", "iframe", "noembed", "noframes"], StringComparer.Ordinal);

    // An element that a new one of its name closes when it is the innermost open one (a paragraph, a list item, a cell).
    private static readonly FrozenSet<string> ClosedBySibling = FrozenSet.ToFrozenSet(
        ["p", "li", "dt", "dd", "tr", "td", "th", "option"], StringComparer.Ordinal);

    public static string Flatten(string html, int limit)
    {
        var output = new StringBuilder(html.Length);
        var open = new List<string>();
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }

            output.Append(html, i, lt - i);
            i = lt;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = CopyThrough(html, i, i + 4, "-->", output);
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!DOCTYPE", "<?xml", a lone "<" in text: not an element.
                output.Append('<');
                i++;
                continue;
            }

            var tagEnd = TagEnd(html, nameEnd);
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            if (closing)
            {
                if (dropped.TryGetValue(name, out var count) && count > 0)
                {
                    dropped[name] = count - 1;
                }
                else
                {
                    var at = open.LastIndexOf(name);
                    if (at >= 0)
                    {
                        open.RemoveRange(at, open.Count - at);
                    }

                    output.Append(html, i, tagEnd - i);
                }

                i = tagEnd;
                continue;
            }

            var selfClosed = tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (Void.Contains(name) || selfClosed)
            {
                output.Append(html, i, tagEnd - i);
                i = tagEnd;
                continue;
            }

            if (open.Count > 0 && ClosedBySibling.Contains(name) && open[^1] == name)
            {
                open.RemoveAt(open.Count - 1);
            }

            if (open.Count >= limit)
            {
                dropped[name] = dropped.GetValueOrDefault(name) + 1;
                i = tagEnd;
                continue;
            }

            output.Append(html, i, tagEnd - i);
            i = tagEnd;
            if (RawText.Contains(name))
            {
                i = CopyThrough(html, i, i, $"</{name}", output);
                continue;
            }

            open.Add(name);
        }

        return output.ToString();
    }

    /// <summary>
    /// The index after the tag's closing '>', skipping quoted attribute values; the text's end when there is none. A quote
    /// opens a value only right after '=' (spaces between), as browsers tokenize: the apostrophe of "the game's final
    /// minutes" inside content='…' ends that value, and the next one in the same tag is a stray character, not a new
    /// value. Read as a quote, it swallowed the rest of a page into one tag, and nothing past it was flattened.
    /// </summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        var afterEquals = false;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c == '>')
            {
                return i + 1;
            }
            else if (c is '"' or '\'' && afterEquals)
            {
                quote = c;
                afterEquals = false;
            }
            else if (c == '=')
            {
                afterEquals = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                afterEquals = false;
            }
        }

        return html.Length;
    }

    /// <summary>
    /// Copies from <paramref name="from"/> up to and including the first <paramref name="end"/> at or after
    /// <paramref name="searchFrom"/> (a tag's whole end tag), or to the text's end without one.
    /// </summary>
    private static int CopyThrough(string html, int from, int searchFrom, string end, StringBuilder output)
    {
        var at = html.IndexOf(end, Math.Min(searchFrom, html.Length), StringComparison.OrdinalIgnoreCase);
        var stop = at < 0 ? html.Length : (end[0] == '<' ? TagEnd(html, at + end.Length) : at + end.Length);
        output.Append(html, from, stop - from);
        return stop;
    }
}
