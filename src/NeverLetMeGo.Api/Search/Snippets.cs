using System.Text;
using System.Text.Encodings.Web;

namespace NeverLetMeGo.Api.Search;

/// <summary>
/// A search hit's snippet: at most <see cref="MaxWords"/> words of the block the search chose, from a little before its
/// first match, each word whose stem is one of the query's lexemes between control-character marks; then as plain text,
/// and as escaped HTML with &lt;mark&gt;. PostgreSQL's ts_headline did this in the statement, parsing and stemming every
/// hit's block again on each search (most of the search's database time, bench/README.md, Performance); here a word
/// matches a lexeme when it is the lexeme followed by an ending the English stemmer cuts ("dies" is 'die' + "s",
/// "pacing" 'pace' with "ing" for its e, "story" 'stori' with a y for its i); a stem the stemmer shaped otherwise stays
/// unmarked. The text is the block's whole text as the reader's tolerance shows it, so cutting it can only show less.
/// </summary>
internal static class Snippets
{
    /// <summary>Marks a highlighted run in a snippet; control characters cannot occur in stored block text.</summary>
    public const char StartMark = '\u0001';
    public const char StopMark = '\u0002';

    public const int MaxWords = 30;

    /// <summary>Words shown before the first match, when the block is longer than a snippet.</summary>
    private const int Lead = 5;

    /// <summary>The snippet of <paramref name="text"/> with the words matching <paramref name="lexemes"/> marked.</summary>
    public static string Mark(string text, IReadOnlyList<string> lexemes)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return text.Trim();
        }

        var first = words.FindIndex(w => Matches(text.AsSpan(w.Start, w.Length), lexemes));
        var start = words.Count <= MaxWords || first < 0 ? 0 : Math.Min(Math.Max(0, first - Lead), words.Count - MaxWords);
        var end = Math.Min(words.Count, start + MaxWords);
        // From the text's start (an opening quote) or the first word shown, to the last word's trailing punctuation.
        var from = start == 0 ? 0 : words[start].Start;
        var to = words[end - 1].Start + words[end - 1].Length;
        while (to < text.Length && !char.IsWhiteSpace(text[to]) && !char.IsLetterOrDigit(text[to]))
        {
            to++;
        }

        var marked = new StringBuilder(to - from + 8);
        for (var i = start; i < end; i++)
        {
            var (at, length) = words[i];
            marked.Append(text, from, at - from);
            if (Matches(text.AsSpan(at, length), lexemes))
            {
                marked.Append(StartMark).Append(text, at, length).Append(StopMark);
            }
            else
            {
                marked.Append(text, at, length);
            }

            from = at + length;
        }

        return marked.Append(text, from, to - from).ToString().Trim();
    }

    public static string Plain(string marked) => marked.Replace(StartMark.ToString(), "", StringComparison.Ordinal)
        .Replace(StopMark.ToString(), "", StringComparison.Ordinal);

    public static string Html(string marked)
    {
        var parts = marked.Split(StartMark);
        var html = new StringBuilder(HtmlEncoder.Default.Encode(Plain(parts[0])));
        foreach (var part in parts.Skip(1))
        {
            var stop = part.IndexOf(StopMark, StringComparison.Ordinal);
            var (match, rest) = stop < 0 ? (part, "") : (part[..stop], part[(stop + 1)..]);
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(match)).Append("</mark>").Append(HtmlEncoder.Default.Encode(Plain(rest)));
        }

        return html.ToString();
    }

    /// <summary>
    /// The words of the text as (start, length): runs of letters and digits, an apostrophe or hyphen inside one joining
    /// it ("Lian's", "well-made"); everything else (spaces, punctuation, the angle brackets of tag-like text) is between.
    /// </summary>
    private static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                   || (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
            {
                i++;
            }

            words.Add((start, i - start));
        }

        return words;
    }

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '-';

    private static bool Matches(ReadOnlySpan<char> word, IReadOnlyList<string> lexemes)
    {
        // Most words of a block start with a letter no lexeme starts with: rejected before anything is lowered or compared
        // (a sampled profile of the search endpoint had a tenth of the API's time in marking snippets).
        if (!char.IsSurrogate(word[0]) && !StartsLikeAny(word[0], lexemes))
        {
            return false;
        }

        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        // A possessive is its word: "Lian's" is 'lian'.
        if (lower.EndsWith("'s") || lower.EndsWith("’s"))
        {
            lower = lower[..^2];
        }

        foreach (var lexeme in lexemes)
        {
            if (lexeme.Length > 0 && StemsTo(lower, lexeme))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsLikeAny(char first, IReadOnlyList<string> lexemes)
    {
        var lower = char.ToLowerInvariant(first);
        foreach (var lexeme in lexemes)
        {
            if (lexeme.Length > 0 && lexeme[0] == lower)
            {
                return true;
            }
        }

        return false;
    }

    // The endings the English stemmer cuts, as they follow a stem in a word: "pacing" is 'pace' + "ing" with its e
    // dropped, "stories" 'stori' + "es", "story" 'stori' with a y for the i. A word that only starts like a stem
    // ("actual" for 'act') does not match.
    private static readonly string[] Endings =
    [
        "", "e", "s", "es", "ed", "d", "ing", "ings", "er", "ers", "ly", "l", "ion", "ions", "ness", "ment", "ments", "ement", "al",
        "ity", "ive", "ation", "ations", "ance", "ence", "able", "ible", "ant", "ent", "ism", "ate", "ous", "ize", "ful", "ic", "ical",
    ];

    private static bool StemsTo(ReadOnlySpan<char> word, string lexeme)
    {
        if (word.StartsWith(lexeme, StringComparison.Ordinal) && IsEnding(word[lexeme.Length..]))
        {
            return true;
        }

        var cut = lexeme.AsSpan(0, lexeme.Length - 1);
        return lexeme.Length >= 2 && word.StartsWith(cut, StringComparison.Ordinal) && word.Length > cut.Length
               && (lexeme[^1] == 'e' ? IsEnding(word[cut.Length..]) : lexeme[^1] == 'i' && word[cut.Length..] is "y");
    }

    private static bool IsEnding(ReadOnlySpan<char> rest)
    {
        foreach (var ending in Endings)
        {
            if (rest.SequenceEqual(ending))
            {
                return true;
            }
        }

        return false;
    }
}
