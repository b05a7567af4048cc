using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

internal static partial class WorkTitle
{
    /// <summary>
    /// The work's name when the page gave no other than its whole headline and the headline is a sentence that tells
    /// ("Why Ruth dies at the end of Never Let Me Go"): the work's name is shown on every list, card and feed, where no
    /// safe title stands in for it. The name is then the title-cased run inside the sentence that reads as plain
    /// (<paramref name="isPlain"/>), preferring the longest ("Never Let Me Go"), or null: nothing names the work. A headline in
    /// title case is a name ("The Death of Stalin", "Kill Bill") and stays, whatever its words, unless it reads like a
    /// sentence before a named work (<see cref="TitleCasedTail"/>).
    /// </summary>
    public static string? Safe(string work, string? headline, Func<string, bool> isPlain)
    {
        ArgumentNullException.ThrowIfNull(isPlain);
        if (work != TextBuffer.Normalize(headline))
            return work;
        if (!IsSentence(work))
            return TitleCasedTail(work) is { } tail && isPlain(tail) ? tail : work;
        // One capitalised word is a name only where the sentence points at a work ("… the end of Atonement"); else it is as
        // often a character's ("when Tommy screamed").
        var runs = CapitalRun().Matches(work).Select(m => m.Index == 0 ? WithoutOpening(m.Value) : m.Value).Where(r => r.Contains(' ', StringComparison.Ordinal))
            .Concat(PointedWord().Matches(work).Select(m => m.Value))
            .OrderByDescending(r => r.Length);
        return runs.FirstOrDefault(isPlain);
    }

    /// <summary>
    /// A telling headline in title case ("Why Ruth Dies at the End of Never Let Me Go") names its work after its last "of",
    /// "in", "from" or "about", when four words or more tell before it and two or more name after it; a name with such a
    /// word ("The Death of Stalin", "The Curious Case of Benjamin Button", "Once Upon a Time in Hollywood") has fewer.
    /// </summary>
    private static string? TitleCasedTail(string headline)
    {
        var last = TailPreposition().Matches(headline).LastOrDefault();
        if (last is null)
            return null;
        var head = headline[..last.Index];
        var tail = LeadingArticle().Replace(headline[(last.Index + last.Length)..], string.Empty).Trim();
        return head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 && tail.Contains(' ', StringComparison.Ordinal) ? tail : null;
    }

    [GeneratedRegex(@"\s(?:of|in|from|about)\s", RegexOptions.IgnoreCase)]
    private static partial Regex TailPreposition();

    [GeneratedRegex(@"^(?:the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    // A sentence's first word is capitalised whatever it is: "Why Ruth …" is no name, "Never Let Me Go is …" may be.
    private static string WithoutOpening(string run)
    {
        var space = run.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && SentenceOpeners.Contains(run[..space].ToLowerInvariant()) ? run[(space + 1)..] : run;
    }

    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "why", "how", "what", "when", "where", "who", "which", "this", "that", "these", "those", "my", "our", "your", "his",
        "her", "their", "its", "it", "there", "here", "everybody", "everyone", "nobody", "someone", "all", "no", "yes", "so",
        "but", "and", "if", "then", "after", "before", "while", "once", "we", "you", "they", "he", "she", "did", "does", "do",
        "is", "was", "will", "can", "should", "watch", "watching", "rewatching", "reading", "finally", "spoiler", "spoilers",
    };

    // A sentence, not a name: two or more lower-case words that are not the short words titles keep in lower case.
    private static bool IsSentence(string headline)
    {
        var content = 0;
        foreach (Match word in LowerWord().Matches(headline))
        {
            if (!TitleGlue.Contains(word.Value))
                content++;
        }

        return content >= 2;
    }

    private static readonly HashSet<string> TitleGlue = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "from", "with", "as", "into",
        "onto", "upon", "vs", "via", "de", "la", "le", "du", "von", "van",
    };

    [GeneratedRegex(@"(?<![\p{L}'’])\p{Ll}[\p{Ll}'’]*")]
    private static partial Regex LowerWord();

    // Capitalised words (not a lone "I"), with the short glue words titles keep in lower case between them.
    [GeneratedRegex(@"(?:(?!I\b)\p{Lu}[\p{L}\p{N}'’:-]*|\d+)(?:\s+(?:(?:a|an|the|and|of|in|on|at|to|for|by|from|with|vs\.?)\s+)*(?:(?!I\b)\p{Lu}[\p{L}\p{N}'’:-]*|\d+))*")]
    private static partial Regex CapitalRun();

    [GeneratedRegex(@"(?<=\b(?:of|in|from|about|watching|reading|seeing|rewatching)\s+)(?!I\b)\p{Lu}[\p{L}\p{N}'’-]*(?![\p{L}\p{N}]|\s+\p{Lu})")]
    private static partial Regex PointedWord();
}
