using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// A review's title that warns about the whole text: "Lighthouse Keeper (spoilers)", "Spoiler review: Lighthouse Keeper",
/// "Lighthouse Keeper's ending explained". Such a page is a spoiler page from its first word, so its article is read as a
/// region the author warned about from the first block (a paragraph the model is confident about stays readable), as it
/// would be had the headline been extracted as the article's first heading. "Spoiler-free review" is no warning.
/// </summary>
internal static partial class TitleWarning
{
    /// <summary>The level the title warns about, or null when it does not warn.</summary>
    public static SpoilerLevel? Level(string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > TitleReading.MaxLength || WarningPatterns.IsSpoilerFreeStatement(title))
            return null;
        return WarningPatterns.Classify(title)?.Level ?? (SpoilerPage().IsMatch(title) ? SpoilerLevel.Major : null);
    }

    // What a headline calls a page about the story's secrets: "spoiler review", "spoilers recap", "spoiler-filled
    // discussion", "spoilercast", "ending explained", "the twist, explained", "explaining that ending", an episode's recap.
    [GeneratedRegex(
        @"(?<![\w-])spoiler(?:s|-?filled|-?heavy)?\s+(?:review|recap|discussion|talk|podcast|breakdown|analysis|edition|chat|thread|roundtable)\b"
        + @"|\bspoilercast\b|\b(?:ending|finale|twist|end)s?,?\s+explained\b|\bexplain(?:ed|ing|s)?\s+(?:the\s+|that\s+|this\s+)?(?:ending|twist|finale)\b"
        // An episode's or a season's recap retells it: "season 1, episode 3 recap", "S02E05 recap", "finale recap",
        // "Recap: …". Not a "recap" of news ("the week in review recap").
        + @"|\b(?:episode|ep\.?|chapter|part|season|series|s\d{1,2}\s*e\d{1,3}|finale|premiere|pilot)\s*\d*\s*(?:[,:\-\u2013\u2014]\s*)?(?:\w+\s+){0,2}recap\b|^\W*recap\s*[:\-\u2013\u2014]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpoilerPage();
}
