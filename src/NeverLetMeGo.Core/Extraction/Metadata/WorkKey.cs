using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// The matching key of a work's title, so that reviews of one film from different sites land on one work: "The Remains
/// of the Day (1993)", "Remains of the Day" and "REMAINS OF THE DAY!" share a key. Case, accents, punctuation, a leading
/// article and a trailing year are ignored; the words and their order are not.
/// </summary>
public static partial class WorkKey
{
    private static readonly string[] LeadingArticles = ["the ", "a ", "an "];

    public static string For(string? title)
    {
        var key = Words(TrailingYear().Replace(title ?? string.Empty, string.Empty));
        foreach (var article in LeadingArticles)
        {
            // "A" alone, or an article that is the whole title, is the title.
            if (key.StartsWith(article, StringComparison.Ordinal) && key.Length > article.Length)
            {
                key = key[article.Length..];
                break;
            }
        }

        return key;
    }

    /// <summary>Lower-case letters and digits, accents removed, "&amp;" read as "and", every other run of characters one space.</summary>
    private static string Words(string title)
    {
        var text = new StringBuilder(title.Length);
        var space = false;
        foreach (var c in Unaccented(title))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '.')
            {
                // Accents, and the apostrophes and dots inside words ("Schindler's", "L.A."), join rather than split.
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && text.Length > 0)
                {
                    text.Append(' ');
                }

                space = false;
                text.Append(char.ToLowerInvariant(c));
            }
            else if (c == '&')
            {
                text.Append(text.Length > 0 ? " and" : "and");
                space = true;
            }
            else
            {
                space = true;
            }
        }

        return text.ToString();
    }

    // The process runs with invariant globalization (no ICU normalization data), so Latin accents are folded by table;
    // combining marks from decomposed input are dropped by the caller.
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēėęěğīįıłńňōőśşšťūůűųźżž";
    private const string Plain = "aaaaaaceeeeiiiinoooooouuuuyyaaaccddeeeegiiilnnoossstuuuuzzz";

    private static IEnumerable<char> Unaccented(string title)
    {
        foreach (var c in title)
        {
            var lower = char.ToLowerInvariant(c);
            var i = Accented.IndexOf(lower, StringComparison.Ordinal);
            if (i >= 0)
            {
                yield return Plain[i];
            }
            else if (lower is '\u00DF')
            {
                yield return 's';
                yield return 's';
            }
            else if (lower is '\u0153' or '\u00E6')
            {
                yield return lower == '\u0153' ? 'o' : 'a';
                yield return 'e';
            }
            else
            {
                yield return c;
            }
        }
    }

    // A release year after the title, "(2010)" or ", 2010", names the film's year; "Blade Runner 2049" keeps its number.
    [GeneratedRegex(@"(?:\s*[\(\[]\s*(?:18[7-9]\d|19\d\d|20\d\d)\s*[\)\]]|,\s*(?:18[7-9]\d|19\d\d|20\d\d))\s*$")]
    private static partial Regex TrailingYear();
}
