using System.Text;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>Excerpts and titles that are safe at the strictest tolerance, so lists, feeds and cards can show them to anyone.</summary>
public static class SafeText
{
    public const int ExcerptLength = 320;
    public const int ExcerptBlocks = 2;
    private const int TitleRun = 4;

    // Title words that announce a reveal. "no spoilers" and "spoiler-free" are promises, not reveals, and are cut out first.
    private static readonly string[] RevealingPhrases = ["spoiler", "ending explained", "the ending", "twist", " dies", "death of", "killed", "turns out"];
    private static readonly string[] SafePhrases = ["no spoilers", "no spoiler", "spoiler-free", "spoiler free", "spoilerfree", "without spoilers"];

    /// <summary>
    /// The first visible paragraphs, stopping at the first spoiler block or author warning: nothing after a warning is ever
    /// in an excerpt, whatever the reader's tolerance. Cut at a word boundary.
    /// </summary>
    public static (string Text, bool Truncated) Excerpt(IEnumerable<Block> blocks)
    {
        var parts = new List<string>();
        var truncated = false;
        foreach (var block in blocks)
        {
            if (block.Spoiler.Warning || block.Spoiler.Level != SpoilerLevel.None)
            {
                truncated = true;
                break;
            }

            if (block.Kind == BlockKind.Heading || string.IsNullOrWhiteSpace(block.Text))
            {
                continue;
            }

            if (parts.Count == ExcerptBlocks)
            {
                truncated = true;
                break;
            }

            parts.Add(block.Text.Trim());
        }

        var text = string.Join("\n\n", parts);
        return text.Length <= ExcerptLength ? (text, truncated) : (Cut(text), true);
    }

    /// <summary>
    /// The title, or "A review of {work}" when the title reveals: the detector read it as a spoiler
    /// (<paramref name="level"/>), it names a reveal, or it repeats a spoiler block's words.
    /// </summary>
    public static (string Title, bool Replaced) Title(string? title, string workTitle, IEnumerable<Block> blocks, SpoilerLevel level = SpoilerLevel.None)
    {
        var fallback = $"A review of {workTitle}";
        if (string.IsNullOrWhiteSpace(title))
        {
            return (fallback, false);
        }

        return level != SpoilerLevel.None || Reveals(title, workTitle, blocks) ? (fallback, true) : (title.Trim(), false);
    }

    /// <summary>
    /// Whether <see cref="Title"/> compares this title with the spoiler blocks' words: only a title with a run of
    /// words besides the work's name can repeat one. Lists load spoiler text only for such titles.
    /// </summary>
    public static bool TitleReadsSpoilerBlocks(string? title, string workTitle)
        => !string.IsNullOrWhiteSpace(title) && RunsAround(Words(title), Words(workTitle)).Any();

    private static bool Reveals(string title, string workTitle, IEnumerable<Block> blocks)
    {
        var lowered = " " + title.ToLowerInvariant() + " ";
        foreach (var safe in SafePhrases)
        {
            lowered = lowered.Replace(safe, " ", StringComparison.Ordinal);
        }

        if (RevealingPhrases.Any(p => lowered.Contains(p, StringComparison.Ordinal)))
        {
            return true;
        }

        // The work's own name ("Never Let Me Go") is in most titles and most spoiler paragraphs alike: it reveals nothing,
        // so runs are only taken between its occurrences.
        var work = Words(workTitle);
        var runs = RunsAround(Words(title), work).ToHashSet(StringComparer.Ordinal);
        return runs.Count > 0 && blocks.Where(b => !b.Spoiler.Warning && b.Spoiler.Level != SpoilerLevel.None)
            .Any(b => RunsAround(Words(b.Text), work).Any(runs.Contains));
    }

    private static IEnumerable<string> RunsAround(IReadOnlyList<string> words, IReadOnlyList<string> work)
    {
        var start = 0;
        for (var i = 0; i <= words.Count; i++)
        {
            var atWork = work.Count > 0 && i + work.Count <= words.Count && words.Skip(i).Take(work.Count).SequenceEqual(work, StringComparer.Ordinal);
            if (!atWork && i < words.Count)
            {
                continue;
            }

            foreach (var run in Runs([.. words.Skip(start).Take(i - start)], TitleRun))
            {
                yield return run;
            }

            start = i + work.Count;
            i = start - 1;
        }
    }

    /// <summary>Lower-cased letter-or-digit words: how the leak checks and the title check compare texts.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    public static IEnumerable<string> Runs(IReadOnlyList<string> words, int length)
    {
        for (var i = 0; i + length <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(length));
        }
    }

    private static string Cut(string text)
    {
        var end = text.LastIndexOf(' ', ExcerptLength - 1);
        if (end <= ExcerptLength / 2)
        {
            // No word boundary in reach (emoji, Chinese, Japanese): cut at the length, but never between the two halves of
            // a surrogate pair. Half a character has no UTF-8 form, and PostgreSQL refused the review that carried it.
            end = char.IsHighSurrogate(text[ExcerptLength - 2]) ? ExcerptLength - 2 : ExcerptLength - 1;
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }
}
