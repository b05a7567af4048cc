using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Text;

/// <summary>
/// Turns page bytes into text: byte order mark, then the HTTP charset, then a meta charset in the first 2 KiB, else UTF-8
/// (windows-1252 for bytes that are no UTF-8).
/// A charset we cannot or will not decode (unknown, UTF-7) is skipped like a missing one: a page never fails on its label.
/// </summary>
public static partial class HtmlDecoder
{
    private const int MetaScanBytes = 2048;

    static HtmlDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding.RegisterProvider(Utf7AsUtf8.Instance);
    }

    public static (string Html, string Charset) Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        // A byte order mark is unambiguous, so it beats a header that may be a server default.
        if (DetectBom(body) is { } bom)
            return (bom.Encoding.GetString(body[bom.Length..]), bom.Encoding.WebName);

        var encoding = FromHeader(headerCharset) ?? FromMeta(body) ?? Undeclared(body);
        return (encoding.GetString(body), encoding.WebName);
    }

    // No charset anywhere: UTF-8 when the bytes are UTF-8, else windows-1252, the default browsers fall back to for
    // Western locales (an older page saved or served without a label). Read as UTF-8, its every accent was U+FFFD.
    private static Encoding Undeclared(ReadOnlySpan<byte> body) =>
        System.Text.Unicode.Utf8.IsValid(body) ? Encoding.UTF8 : Encoding.GetEncoding("windows-1252");

    private static Encoding? FromHeader(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        return Lookup(charset.Trim().Trim('"', '\''));
    }

    private static Encoding? FromMeta(ReadOnlySpan<byte> body)
    {
        // Latin-1 maps every byte to one char, so the ASCII markup reads right whatever the real encoding.
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaScanBytes)]);
        var match = MetaCharset().Match(head);
        if (!match.Success)
            return null;
        var encoding = Lookup(match.Groups[1].Value);
        // A page that declares UTF-16 in ASCII markup cannot be UTF-16; browsers read it as UTF-8 too.
        return encoding is UnicodeEncoding or UTF32Encoding ? Encoding.UTF8 : encoding;
    }

    // WHATWG Encoding: browsers read Latin-1 and ASCII labels as windows-1252, so bytes 0x80-0x9F are curly quotes,
    // dashes and the euro sign, as the page's author saw them, rather than invisible control characters.
    private static readonly FrozenSet<string> Windows1252Labels = FrozenSet.ToFrozenSet(
    [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
        "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
    ], StringComparer.OrdinalIgnoreCase);

    private static Encoding? Lookup(string name)
    {
        try
        {
            return Encoding.GetEncoding(Windows1252Labels.Contains(name) ? "windows-1252" : name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static (Encoding Encoding, int Length)? DetectBom(ReadOnlySpan<byte> body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    // Covers both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
    [GeneratedRegex("""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
