using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// A review's title read as the detector reads its text: a heading of its own, with the work's knowledge and what the page
/// gives away (its secret words), so "Never Let Me Go: the clones who never ran" is known to reveal even when no hidden
/// paragraph repeats its words. Every list, card and feed shows the title, so it is read before it is shown.
/// </summary>
public static class TitleReading
{
    /// <summary>Longer than any headline: such a "title" is a page's text in the wrong place, and reading it would cost as much.</summary>
    public const int MaxLength = 300;

    /// <summary>The title's spoiler level; none for no title and for a title that is only a warning ("… (spoilers)").</summary>
    public static SpoilerLevel Level(string? title, WorkKnowledge? knowledge, TextReading? page)
    {
        if (string.IsNullOrWhiteSpace(title))
            return SpoilerLevel.None;
        // Not read, so not known to be safe: never shown as it is (the encoder's time stays bounded by the page's text).
        if (title.Length > MaxLength)
            return SpoilerLevel.Major;
        var text = new ExtractedText([new SourceBlock(BlockKind.Heading, title.Trim())], null);
        // A warning with a payload ("Spoiler review: the son did it") is hidden at the payload's level by the tagger.
        return SpoilerTagger.Default.Tag(text, knowledge, page, out _)[0].Spoiler.Level;
    }
}
