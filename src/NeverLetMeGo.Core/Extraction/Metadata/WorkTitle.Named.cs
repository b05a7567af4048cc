using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

internal static partial class WorkTitle
{
    /// <summary>
    /// As <see cref="From(string?, string?)"/>, and when no rule cut the headline, the work named by its first words
    /// ("Arrival and the grammar of grief", "Arrival's quiet grammar of grief"): the headline alone cannot tell a title from
    /// a phrase, the article can, by using the words as a name.
    /// </summary>
    public static string? From(string? itemReviewed, string? headline, IEnumerable<string> articleText, string? url = null)
    {
        var work = From(itemReviewed, headline);
        if (work is null)
            return null;
        // No rule cut the headline, or only its "Review:" label ("REVIEW: Oppenheimer is Nolan's masterpiece").
        var whole = TextBuffer.Normalize(headline);
        return work == whole || (itemReviewed is null && work == ReviewPrefix().Replace(whole, string.Empty))
            ? NamedLead(work, articleText) ?? SlugLead(work, url) ?? work
            : work;
    }

    /// <summary>
    /// The headline's first words when the page's address names exactly them ("…/p/past-lives" for "Past Lives and the
    /// ache of the road not taken"): the author named the post after the work and titled it after a thought. An address
    /// that spells the whole headline, or other words, names nothing.
    /// </summary>
    private static string? SlugLead(string headline, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        var segment = uri.AbsolutePath.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        var dot = segment.LastIndexOf('.');
        if (dot > 0)
            segment = segment[..dot];
        segment = Uri.UnescapeDataString(segment).ToLowerInvariant();
        var words = HeadlineWord().Matches(headline);
        var slug = new System.Text.StringBuilder();
        for (var k = 0; k < words.Count - 1; k++)
        {
            if (slug.Length > 0)
                slug.Append('-');
            slug.Append(SlugOf(words[k].Value));
            if (slug.Length > segment.Length)
                return null;
            if (slug.ToString() == segment)
            {
                var run = headline[..(words[k].Index + words[k].Length)];
                return TitleRun().IsMatch(run) ? run : null;
            }
        }

        return null;
    }

    // A word as a slug spells it: lower case, apostrophes dropped ("Schindler's" is "schindlers").
    private static string SlugOf(string word) => word.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\u2019]*")]
    private static partial Regex HeadlineWord();

    /// <summary>
    /// The shortest leading run of title words that ends right before a lower-case connective ("and the ache", "'s quiet",
    /// "is a triumph") and that the article uses as a name; null when there is none. A connective followed by a capital
    /// continues the title ("Klara and the Sun", "Schindler's List"), and "dies at 61" or a comma is no connective, so news
    /// headlines ("Sally Ride, first American woman in space, dies at 61") keep their words; so do those that go on as a
    /// sentence, name an acronym or a person the article calls by the last name (the dev sets' news pages).
    /// </summary>
    private static string? NamedLead(string headline, IEnumerable<string> articleText)
    {
        // A headline in title case capitalises its verb too ("Arrival Is a Film About Grief"). The longest run first there:
        // a title may hold the verb itself ("Life Is Beautiful Is a Fable" names "Life Is Beautiful", not "Life").
        var text = new Lazy<string>(() => string.Join("\n", articleText));
        return NamedRun(headline, LeadConnective().Matches(headline), text)
            ?? NamedRun(headline, CopulaBeforeOwner().Matches(headline), text)
            ?? NamedRun(headline, TitleCaseCopula().Matches(headline).Reverse(), text);
    }

    /// <summary>The first run before one of <paramref name="cuts"/> that reads as a title and that the article uses as a name.</summary>
    private static string? NamedRun(string headline, IEnumerable<Match> cuts, Lazy<string> text)
    {
        foreach (var cut in cuts)
        {
            var run = headline[..cut.Index];
            var rest = headline[(cut.Index + cut.Length)..];
            if (!TitleRun().IsMatch(run) || NotAName().IsMatch(run) || Acronym().IsMatch(run) || Auxiliary().IsMatch(rest))
            {
                continue;
            }

            if (UsedAsName(run, text.Value) && !Surname(run, text.Value))
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>
    /// The article writes <paramref name="run"/> as a name: capitalised as in the headline, whole words, and either twice or
    /// once inside a sentence (where a capital marks a name, not a sentence's first word).
    /// </summary>
    private static bool UsedAsName(string run, string text)
    {
        var count = 0;
        for (var at = text.IndexOf(run, StringComparison.Ordinal); at >= 0; at = text.IndexOf(run, at + run.Length, StringComparison.Ordinal))
        {
            var end = at + run.Length;
            if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                continue;
            }

            if (++count >= 2 || !StartsSentence(text, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The article calls a person of two or more names by the last alone ("Cybill Shepherd is engaged" … "Shepherd said");
    /// a work keeps its whole title ("Past Lives", never "Lives").
    /// </summary>
    private static bool Surname(string run, string text)
    {
        var space = run.LastIndexOf(' ');
        if (space < 0)
        {
            return false;
        }

        var last = run[(space + 1)..];
        var alone = text.Replace(run, string.Empty, StringComparison.Ordinal);
        for (var at = alone.IndexOf(last, StringComparison.Ordinal); at >= 0; at = alone.IndexOf(last, at + last.Length, StringComparison.Ordinal))
        {
            var end = at + last.Length;
            if ((at == 0 || !char.IsLetterOrDigit(alone[at - 1])) && (end == alone.Length || !char.IsLetterOrDigit(alone[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsSentence(string text, int at)
    {
        var before = at - 1;
        while (before >= 0 && (char.IsWhiteSpace(text[before]) || text[before] is '"' or '\u201C' or '\u2018' or '\'' or '(' or '['))
        {
            before--;
        }

        return before < 0 || text[before] is '.' or '!' or '?' or '\u2026' or ':' or '\n';
    }

    // "'s" or a connective word, then (after "the", "a" or a possessive, never backing off it) a lower-case word: the
    // headline's phrase begins.
    [GeneratedRegex(@"(?<=[\p{L}\p{N}])(?:['\u2019]s|\s+(?:and|is|was|at|in|as|with))(?>(?:\s+(?:the|a|an|its|his|her|their)\b)?)\s+(?=\p{Ll})")]
    private static partial Regex LeadConnective();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])\s+(?:Is|Was|Isn['\u2019]t|Wasn['\u2019]t|Remains|Becomes)\s+(?=\S)")]
    private static partial Regex TitleCaseCopula();

    // "is" or "was" before someone's possessive: "Oppenheimer is Christopher Nolan's best film", "Barbie was Gerwig's gamble".
    [GeneratedRegex(@"(?<=[\p{L}\p{N}])\s+(?:is|was)\s+(?=\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,2}['\u2019]s\b)")]
    private static partial Regex CopulaBeforeOwner();

    // Capitalised words (or numbers), with the small words titles hold inside ("Pride and Prejudice", "Lord of the Flies").
    [GeneratedRegex(@"^[\p{Lu}\p{N}][\p{L}\p{N}'\u2019.&\-]*(?:\s+(?:(?:of|the|and|in|on|at|to|for|a|an|with|from|by|or|de|la|le|du|des|del|der|von|y|et)\s+)*[\p{Lu}\p{N}][\p{L}\p{N}'\u2019.&\-]*)*$")]
    private static partial Regex TitleRun();

    // An organisation, not a title: "OCLC's un-hire".
    [GeneratedRegex(@"^[\p{Lu}\p{N}&.\-]*\p{Lu}[\p{Lu}\p{N}&.\-]*\p{Lu}[\p{Lu}\p{N}&.\-]*$")]
    private static partial Regex Acronym();

    // The headline goes on as a sentence about something the name owns or does ("Nintendo's first iPhone game will launch
    // in December"): the name is its subject's owner, not a work the essay is about.
    [GeneratedRegex(@"\b(?:will|would|is|are|was|were|has|have|had|can|could|should|may|might|must|does|did|says|said)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Auxiliary();

    // Sentence openers a capital says nothing about: "This is why…", "I was wrong about…", "Why Arrival…".
    [GeneratedRegex(@"^(?:I|It|This|That|These|Those|He|She|We|They|You|There|Here|What|Why|How|Who|When|Where|My|Our|Your|His|Her|Their|Everything|Nothing|Everyone|Nobody)$")]
    private static partial Regex NotAName();
}
