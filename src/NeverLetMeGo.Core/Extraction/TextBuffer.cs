using System.Buffers;
using System.Text;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>Accumulates text the way a browser renders it: entities decoded, whitespace runs collapsed to one space.</summary>
internal sealed class TextBuffer
{
    private readonly StringBuilder _text = new(256);
    private bool _pendingSpace;

    public int Length => _text.Length;

    public int LinkChars { get; private set; }

    /// <summary>Runs of link text since the last <see cref="Take"/>: "Home | FAQ | Links" holds three.</summary>
    public int LinkRuns { get; private set; }

    private bool _lastInLink;

    /// <summary>
    /// Since the first link of the text, a letter or digit was appended outside any link (or stood before it): false for a
    /// menu bar such as "Home | FAQ | Links", true for links inside a sentence or after a label ("Morris County: Key
    /// contacts | Power updates | Road closures" is a news article's own list). Counted only once a link has begun, so text without
    /// links costs nothing.
    /// </summary>
    public bool WordsOutsideLinks { get; private set; }

    /// <summary>Appends raw HTML text (entities still encoded).</summary>
    public void AppendHtmlText(ReadOnlySpan<char> raw, bool inLink)
    {
        var before = _text.Length;
        if (raw.Contains('&'))
        {
            AppendDecoded(CharacterReferences.Decode(raw.ToString()));
        }
        else
        {
            AppendDecoded(raw);
        }

        if (inLink)
        {
            LinkChars += _text.Length - before;
        }

        if (_text.Length > before)
        {
            if (inLink && !_lastInLink && LinkRuns++ == 0)
                WordsOutsideLinks = HasWord(0, before);
            else if (!inLink && LinkRuns > 0 && !WordsOutsideLinks)
                WordsOutsideLinks = HasWord(before, _text.Length);
            _lastInLink = inLink;
        }
    }

    private bool HasWord(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (char.IsLetterOrDigit(_text[i]))
                return true;
        }

        return false;
    }

    /// <summary>A rendered space, e.g. from a single &lt;br&gt;; collapses with neighbouring whitespace.</summary>
    public void AppendSpace() => _pendingSpace = _text.Length > 0;

    /// <summary>Returns the collected text (no leading or trailing whitespace) and clears the buffer.</summary>
    public string Take()
    {
        var result = _text.ToString();
        _text.Clear();
        _pendingSpace = false;
        LinkChars = 0;
        LinkRuns = 0;
        _lastInLink = false;
        WordsOutsideLinks = false;
        return result;
    }

    // HtmlText.Of, OwnText and Normalize make a short string many times a page (headings, meta values, bylines): one
    // buffer per thread serves them all instead of a new one each time, whose 256-character builder is about 600 bytes.
    [ThreadStatic]
    private static TextBuffer? _spare;

    private const int MaxSpareCapacity = 4096;

    /// <summary>An empty buffer for one string, handed back by <see cref="TakeAndReturn"/>; not for a buffer kept by its owner.</summary>
    public static TextBuffer Rent()
    {
        var buffer = _spare ?? new TextBuffer();
        _spare = null;
        return buffer;
    }

    /// <summary><see cref="Take"/>, then the buffer serves the thread's next <see cref="Rent"/> (unless it grew large).</summary>
    public string TakeAndReturn()
    {
        var result = Take();
        if (_text.Capacity <= MaxSpareCapacity)
        {
            _spare = this;
        }

        return result;
    }

    public static bool IsSpace(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000'
        || (c >= '\u2000' && c <= '\u200A');

    // Zero-width characters, the soft hyphen, and the direction marks sites put before a title ("\u200ENever Let Me Go"):
    // none renders as a character, and each would split a word or a work's name from itself. A NUL (raw, or "&#0;" as
    // CharacterReferences decodes it) renders as nothing too, and PostgreSQL refuses it in text.
    internal static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u061C' or '\0';

    /// <summary>Collapses whitespace in an already decoded string (attribute values, meta content).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var buffer = Rent();
        buffer.AppendDecoded(text);
        return buffer.TakeAndReturn();
    }

    // Every character AppendDecoded must look at one by one: whitespace (IsSpace) and invisible characters (IsInvisible).
    internal static readonly SearchValues<char> Special = SearchValues.Create(
        " \t\n\r\f\v\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000"
        + "\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u061C\0");

    // Text is copied a word at a time: the characters between two special ones go in as one span, not one by one.
    private void AppendDecoded(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(Special);
            var run = special < 0 ? text : text[..special];
            if (!run.IsEmpty)
            {
                if (_pendingSpace)
                {
                    _text.Append(' ');
                    _pendingSpace = false;
                }

                _text.Append(run);
            }

            if (special < 0)
            {
                return;
            }

            if (!IsInvisible(text[special]))
            {
                _pendingSpace = _text.Length > 0;
            }

            text = text[(special + 1)..];
        }
    }
}
