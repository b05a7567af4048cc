using System.Buffers;
using System.Globalization;
using System.Text;

namespace NeverLetMeGo.Api.Feeds;

/// <summary>
/// XML written as UTF-8 bytes straight into a buffer: the few element and attribute shapes an Atom feed needs, text
/// escaped here. XmlWriter into a StringBuilder, then the string encoded again, cost a feed more CPU than reading its 50
/// rows (bench/README.md, Performance). A character XML 1.0 cannot carry (most control characters, a lone surrogate)
/// becomes U+FFFD instead of failing the whole feed.
/// </summary>
internal sealed class Utf8Xml(int capacity)
{
    private readonly ArrayBufferWriter<byte> _out = new(capacity);

    public ReadOnlyMemory<byte> Written => _out.WrittenMemory;

    /// <summary>Markup known to be well-formed ASCII or UTF-8 (tag names, fixed attribute text).</summary>
    public Utf8Xml Raw(ReadOnlySpan<byte> markup)
    {
        _out.Write(markup);
        return this;
    }

    /// <summary>Character data, escaped; in an attribute value (<paramref name="attribute"/>) quotes and white space too.</summary>
    public Utf8Xml Text(ReadOnlySpan<char> text, bool attribute = false)
    {
        var special = attribute ? AttributeSpecial : TextSpecial;
        int at;
        while ((at = text.IndexOfAny(special)) >= 0)
        {
            Encode(text[..at]);
            _out.Write(text[at] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '"' => "&quot;"u8,
                '\n' => "&#xA;"u8,
                '\t' => "&#x9;"u8,
                '\r' => "&#xD;"u8,
                _ => "\uFFFD"u8,
            });
            text = text[(at + 1)..];
        }

        Encode(text);
        return this;
    }

    /// <summary>A UTC time as Atom writes it (RFC 3339, whole seconds).</summary>
    public Utf8Xml Stamp(DateTimeOffset at)
    {
        var span = _out.GetSpan(20);
        if (!at.UtcDateTime.TryFormat(span, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("A timestamp did not fit 20 bytes.");
        _out.Advance(written);
        return this;
    }

    public Utf8Xml Number(long value)
    {
        var span = _out.GetSpan(20);
        if (!value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("A number did not fit 20 bytes.");
        _out.Advance(written);
        return this;
    }

    private void Encode(ReadOnlySpan<char> run)
    {
        if (run.IsEmpty)
            return;
        var written = Encoding.UTF8.GetBytes(run, _out.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length)));
        _out.Advance(written);
    }

    // What text cannot hold as it is: markup characters and what XML 1.0's Char production leaves out (control characters
    // but tab, line feed and carriage return; U+FFFE, U+FFFF). A carriage return is written as a reference so a parser
    // does not fold it into a line feed; in an attribute, tab and line feed too, or they would read as spaces. Surrogates
    // pass: the encoder writes a pair as its character and a lone half as U+FFFD, and a run is never cut inside a pair.
    private static readonly SearchValues<char> TextSpecial = SearchValues.Create(Specials(attribute: false));
    private static readonly SearchValues<char> AttributeSpecial = SearchValues.Create(Specials(attribute: true));

    private static string Specials(bool attribute)
    {
        var chars = Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => attribute || c is not ('\t' or '\n'));
        return string.Concat(chars.Concat(attribute ? "&<>\"\uFFFE\uFFFF" : "&<>\uFFFE\uFFFF"));
    }
}
