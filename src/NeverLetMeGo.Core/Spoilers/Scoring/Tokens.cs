namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// Word hashing shared by the featurizer, the lexicons and work vocabularies: FNV-1a over the lower-cased letters, digits
/// and inner apostrophes of a word, so no word string is ever allocated on the serving path.
/// </summary>
internal static class Tokens
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Hash(string word)
    {
        var h = Offset;
        foreach (var c in word)
            h = Step(h, char.ToLowerInvariant(c));
        return h;
    }

    public static uint Step(uint hash, char lower) => (hash ^ lower) * Prime;

    public static uint Pair(uint first, uint second) => (first * 31 + 0x9E3779B9u) ^ (second * Prime);

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    public static bool IsApostrophe(char c) => c is '\'' or '’';

    /// <summary>Hashes the words of text[start..end) into the spans (start and capitalisation too); returns how many fit.</summary>
    public static int Scan(string text, int start, int end, Span<uint> hashes, Span<int> starts, Span<bool> capitalised) =>
        Scan(text, start, end, hashes, starts, capitalised, []);

    /// <summary>
    /// As <see cref="Scan(string, int, int, Span{uint}, Span{int}, Span{bool})"/>, and each word's crude stem into
    /// <paramref name="stems"/> when it is long enough: the hash without a final "ing", "ed" or "s", so "kills", "killed" and
    /// "killing" share one.
    /// </summary>
    public static int Scan(string text, int start, int end, Span<uint> hashes, Span<int> starts, Span<bool> capitalised, Span<uint> stems)
    {
        var n = 0;
        var i = start;
        while (i < end && n < hashes.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            var h = Offset;
            uint h1 = Offset, h2 = Offset, h3 = Offset;
            while (i < end && (IsWordChar(text[i]) || IsApostrophe(text[i]) && i + 1 < end && IsWordChar(text[i + 1])))
            {
                var c = text[i];
                (h3, h2, h1) = (h2, h1, h);
                h = Step(h, IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c));
                i++;
            }

            if (stems.Length > n)
                stems[n] = Stem(text, wordStart, i, h, h1, h2, h3);
            hashes[n] = h;
            starts[n] = wordStart;
            capitalised[n] = char.IsUpper(text[wordStart]);
            n++;
        }

        return n;
    }

    private static uint Stem(string text, int start, int end, uint h, uint h1, uint h2, uint h3)
    {
        var length = end - start;
        if (length > 5 && EndsWith(text, end, "ing"))
            return h3;
        if (length > 4 && EndsWith(text, end, "ed"))
            return h2;
        if (length > 3 && EndsWith(text, end, "s") && !EndsWith(text, end, "ss"))
            return h1;
        return h;
    }

    private static bool EndsWith(string text, int end, string suffix)
    {
        for (var k = 1; k <= suffix.Length; k++)
        {
            if (char.ToLowerInvariant(text[end - k]) != suffix[^k])
                return false;
        }

        return true;
    }

    public static HashSet<uint> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Hash).ToHashSet();
}
