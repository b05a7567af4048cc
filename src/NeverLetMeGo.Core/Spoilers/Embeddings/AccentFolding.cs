using System.Globalization;

namespace NeverLetMeGo.Core.Spoilers.Embeddings;

/// <summary>
/// Takes accents off Latin letters ("naïve" → "naive", "café" → "cafe"), as the encoder's uncased vocabulary was built:
/// its own tokenizer decomposes text and drops the marks, which string.Normalize cannot do here because the product runs
/// with invariant globalization (normalization is then a no-op). Covers Latin-1 and Latin Extended-A and -B, where the
/// letters of review pages live, and drops combining marks wherever they come.
/// </summary>
internal static class AccentFolding
{
    private const int First = 0xC0;

    // The base letter of each code point from U+00C0, '.' where the letter has no plain one (æ, ø, ß, ł keep their form).
    private const string Bases = "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.yAaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl....NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.................................Oo.............Uu............................AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................";

    public static string Fold(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] < First)
            i++;
        if (i == text.Length)
            return text;

        var folded = new System.Text.StringBuilder(text.Length);
        folded.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c - First is >= 0 and var at && at < Bases.Length && Bases[at] != '.')
                folded.Append(Bases[at]);
            else if (c < First || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(c);
        }

        return folded.ToString();
    }
}
