namespace NeverLetMeGo.Core.Text;

/// <summary>A half-open character range [<see cref="Start"/>, <see cref="End"/>) of a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits a block's text into sentences. A sentence ends at '.', '!', '?', '…' or the Arabic '؟' (with any closing quotes
/// and brackets) followed by space and a capital, a letter of a script without capitals (Arabic, Hebrew, …), a digit or
/// an opening quote; and at the full-width '。', '！', '？' of Chinese and Japanese, which no space follows. Not at
/// abbreviations ("Dr.", "e.g.", "vs."), initials ("John C. Reilly"), or an ellipsis that runs on in lower case. Spans
/// exclude the surrounding spaces.
/// </summary>
public static class SentenceSplitter
{
    // Without the final dot; compared ignoring case. Titles and Latin shorthands that are almost never the end of a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "mt", "ft", "vs", "v", "e.g", "i.e", "cf", "no", "vol", "ch",
        "pp", "fig", "approx", "dept", "gen", "col", "lt", "sgt", "capt", "rev", "hon", "gov", "sen", "rep", "u.s", "u.k",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ca", "c", "al", "inc", "ltd", "co",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        var start = SkipSpace(text, 0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsTerminator(c))
            {
                var end = i + 1;
                while (end < text.Length && IsTerminator(text[end]))
                    end++;
                while (end < text.Length && IsCloser(text[end]))
                    end++;
                var next = SkipSpace(text, end);
                var fullWidth = IsFullWidthTerminator(text[end - 1]) || (end > i + 1 && IsFullWidthTerminator(text[i]));
                if (next < text.Length && (fullWidth ? next > i : next > end && IsBoundary(text, start, i, end, next)))
                {
                    spans.Add(Trim(text, start, end));
                    start = next;
                }

                i = end;
                continue;
            }

            i++;
        }

        if (start < text.Length)
        {
            var last = Trim(text, start, text.Length);
            if (last.Length > 0)
                spans.Add(last);
        }

        return spans;
    }

    private static bool IsBoundary(string text, int sentenceStart, int mark, int end, int next)
    {
        var following = text[next];
        // A letter with no case (Arabic, Hebrew, Devanagari, …) is as good as a capital.
        var opensSentence = char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '‘' or '\'' or '(' or '[' or '-' or '—' or '「' or '『'
            || (char.IsLetter(following) && !char.IsLower(following) && !char.IsUpper(following));
        if (!opensSentence)
            return false;
        if (text[mark] != '.' || end - mark > 1 && text[mark + 1] is '.' or '…')
            return true;

        // A lone dot: not after an abbreviation or an initial.
        var wordStart = mark;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
            wordStart--;
        var word = text.AsSpan(wordStart, mark - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
            return false;
        return word.Length > 6 || !AbbreviationLookup.Contains(word);
    }

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»' or '」' or '』' or '）';

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' or '؟' || IsFullWidthTerminator(c);

    private static bool IsFullWidthTerminator(char c) => c is '。' or '！' or '？' or '｡';

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return new TextSpan(start, end);
    }
}
