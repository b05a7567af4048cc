using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// Character references decoded as browsers decode them, in one pass (so "&amp;#38;amp;" is "&amp;amp;", never "&amp;").
/// Numeric ones follow HTML's numeric character reference end state: the semicolon may be missing, one past U+FFFF is a
/// surrogate pair, 0x80-0x9F are the windows-1252 characters old pages meant ("don&amp;#146;t"), a surrogate or one past
/// U+10FFFF is U+FFFD; "&amp;#x;" and "&amp;#;" are no references and stay as written. Named ones are HTML 4's set, as
/// before. HtmlAgilityPack's decoder wrote "&amp;##x1F600;" for an emoji and "&amp;##x;" for "&amp;#x;".
/// </summary>
internal static partial class CharacterReferences
{
    public static string Decode(string text) =>
        text.Contains('&') ? Reference().Replace(text, static match => Resolve(match)) : text;

    private static string Resolve(Match match)
    {
        var hex = match.Groups["hex"];
        var dec = match.Groups["dec"];
        if (!hex.Success && !dec.Success)
        {
            // A named reference: WebUtility knows HTML 4's names and leaves an unknown one as written.
            return WebUtility.HtmlDecode(match.Value);
        }

        var digits = hex.Success ? hex.Value : dec.Value;
        var valid = hex.Success
            ? long.TryParse(digits.Length > 8 ? "FFFFFFFFF" : digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            : long.TryParse(digits.Length > 10 ? "99999999999" : digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
        if (!valid || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return "\uFFFD";
        }

        if (code is >= 0x80 and <= 0x9F && Windows1252[(int)code - 0x80] is var mapped and not '\0')
        {
            return mapped.ToString();
        }

        // NUL stays NUL here: the text buffer drops it, as it drops a raw one.
        return char.ConvertFromUtf32((int)code);
    }

    // HTML's table for numeric references 0x80-0x9F; '\0' where windows-1252 has no character (the code point stays).
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    [GeneratedRegex(@"&(?:#(?:[xX](?<hex>[0-9a-fA-F]+)|(?<dec>[0-9]+));?|[A-Za-z][A-Za-z0-9]{1,31};)")]
    private static partial Regex Reference();
}
