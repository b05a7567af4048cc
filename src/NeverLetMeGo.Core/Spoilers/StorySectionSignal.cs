using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// A section the page itself names as the story: under a heading "Plot", "Plot summary", "Recap", "The ending explained"
/// (major) or "Synopsis", "Storyline", "The premise", "What's it about?" (premise), every block up to the next heading is
/// read as a region the author warned about, and a paragraph led by such a label ("Synopsis: …") is too. Review sites and
/// film databases set the retelling apart this way rather than with a warning; the heading itself stays visible, so
/// the reader sees what was kept back. Like a warned region, a paragraph of it that the model reads as confidently plain
/// ("The cast is uniformly excellent.") stays readable. A heading names its own section, so the region ends at the next
/// heading, unlike an author's warning, which covers the rest of the text.
/// </summary>
internal sealed partial class StorySectionSignal : ISpoilerSignal
{
    public const string RetellingReason = "in a section that retells the story";
    public const string SetupReason = "in a section that sets out the premise";

    public void Vote(TaggingContext context)
    {
        SpoilerLevel? section = null;
        for (var i = 0; i < context.Blocks.Count; i++)
        {
            var block = context.Blocks[i];
            if (block.Kind == BlockKind.Heading)
            {
                section = HeadingLevel(block.Text);
                continue;
            }

            if ((section ?? LabelLevel(block.Text)) is { } level)
                context.Add(i, Section(level));
        }
    }

    public static SpoilerVote Section(SpoilerLevel level) =>
        new(level, AuthorWarningSignal.RegionScore, level == SpoilerLevel.Premise ? SetupReason : RetellingReason, Yields: true);

    /// <summary>The level a heading promises its section tells, or null for any other heading.</summary>
    internal static SpoilerLevel? HeadingLevel(string heading)
    {
        if (heading.Length > 80)
            return null;
        // The part after a site's or a work's prefix: "Never Let Me Go Movie Meaning: Plot Summary".
        var cut = heading.LastIndexOfAny([':', '\u2013', '\u2014', '|']);
        var name = (cut >= 0 && cut < heading.Length - 1 ? heading[(cut + 1)..] : heading).Trim();
        return Retelling().IsMatch(name) ? SpoilerLevel.Major : Setup().IsMatch(name) ? SpoilerLevel.Premise : null;
    }

    /// <summary>"Synopsis: Kathy looks back on…", "Plot summary - …": a paragraph that says it is the story, or null.</summary>
    internal static SpoilerLevel? LabelLevel(string text)
    {
        var match = Label().Match(text);
        if (!match.Success || WordCount.Of(text.AsSpan(match.Length)) < 8)
            return null;
        return Retelling().IsMatch(match.Groups["label"].Value) ? SpoilerLevel.Major : SpoilerLevel.Premise;
    }

    // A whole heading, give or take "The", a number, a closing mark and "(spoilers)": "Plot", "Full plot summary", "Recap",
    // "The ending explained", "What happens", "Full synopsis". Not "Summary" or "Overview" alone: reviews close with those.
    private const string Lead = @"^\W*(?:\d+[.)]?\s*)?(?:the\s+)?";
    private const string Whole = @"(?:(?:full|complete|detailed|entire|whole)\s+)";
    private const string Tail = @"(?:\s*\(\s*(?:with\s+)?(?:major\s+|full\s+|heavy\s+)?spoilers?\s*\))?\W*$";

    [GeneratedRegex(
        Lead + Whole + @"?plot(?:\s+(?:summary|recap|details|breakdown|explained))?" + Tail
        + "|" + Lead + Whole + @"?(?:(?:story|episode|season|chapter|book|film|movie|series)\s+)?recap" + Tail
        + "|" + Lead + Whole + @"(?:synopsis|story)" + Tail
        + "|" + Lead + @"(?:synopsis|story)\s*\(\s*(?:with\s+)?(?:major\s+|full\s+|heavy\s+)?spoilers?\s*\)\W*$"
        + "|" + Lead + @"(?:ending|twist|final\s+act|finale|climax)(?:\s+(?:explained|and\s+what\s+it\s+means))?" + Tail
        + "|" + Lead + @"(?:what\s+happens|what\s+happened|how\s+it\s+ends)(?:\s+(?:in|at)\s+the\s+end)?" + Tail,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Retelling();

    // "Synopsis", "Storyline", "The story", "Premise", "The setup", "Plot overview", "What's it about?", "What's the story?".
    [GeneratedRegex(
        Lead + @"(?:synopsis|storyline|story|premise|set-?up|plot\s+(?:overview|outline|summary\s+\(no\s+spoilers\)))\W*$"
        + @"|^\W*(?:what['\u2019]?s|what\s+is)\s+(?:it|the\s+(?:film|movie|book|show|series|story|novel|play|game))\s+about\W*$|^\W*what['\u2019]?s\s+the\s+story\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Setup();

    [GeneratedRegex(@"^\W*(?<label>(?:the\s+)?(?:plot(?:\s+summary)?|synopsis|storyline|recap|premise))\s*(?::|\s[-\u2013\u2014])\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
