using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// An author's spoiler warning opens a spoiler region that runs to the end of the text, to an end marker, or to a heading
/// that promises a spoiler-free part. The warning stays visible. A read-more break right after the warning (or named by
/// it: "after the break") starts the region, so anything between the warning and the break stays readable.
/// </summary>
internal sealed class AuthorWarningSignal : ISpoilerSignal
{
    public const string WarningReason = "author spoiler warning";
    public const string RegionReason = "after the author's spoiler warning";
    public const string PremiseRegionReason = "after the author's warning that the premise is revealed";

    /// <summary>Confidence for blocks inside a warned region: the author says so, but not of every paragraph.</summary>
    public const double RegionScore = 0.9;

    /// <summary>A comment below an open region is inside it from this many words on (<see cref="TaggingContext.UnderOpenRegion"/>).</summary>
    public const int InheritedMinWords = 8;

    public void Vote(TaggingContext context)
    {
        // A title that warns ("… (spoilers)", "… ending explained") opens the region before the first block; so does the
        // article's region for the comments below it.
        var (region, inherited) = context.RegionAtStart;
        var regionStart = region is null ? int.MaxValue : 0;
        for (var i = 0; i < context.Blocks.Count; i++)
        {
            var text = context.Blocks[i].Text;
            if (region is not null && i >= regionStart && WarningPatterns.EndsRegion(context.Blocks[i].Kind, text))
            {
                region = null;
                continue;
            }

            // Text inside spoiler markup is the spoiler, not a warning about it.
            var warning = context.Blocks[i].MarkedSpoiler ? null : WarningPatterns.Classify(text);
            if (warning is not null)
            {
                context.Add(i, new SpoilerVote(SpoilerLevel.None, 0, WarningReason, Warning: true));
                region = warning.Level;
                inherited = false;
                regionStart = RegionStart(i, warning, context.JumpBreak);
                continue;
            }

            if (region is { } level && i >= regionStart && Covers(inherited, text))
            {
                context.Add(i, Region(level));
            }
        }

        context.OpenRegion = region;
    }

    /// <summary>
    /// A block inside a warned region: hidden at the region's level unless the model is confident it reveals nothing (the
    /// author's own asides, general themes), so a warning does not blank out the rest of a review.
    /// </summary>
    public static SpoilerVote Region(SpoilerLevel level) =>
        new(level, RegionScore, level == SpoilerLevel.Premise ? PremiseRegionReason : RegionReason, Yields: true);

    /// <summary>
    /// Whether a region covers a block: always, unless the region is the article's, carried into a comment below it
    /// (<paramref name="inherited"/>), which covers only blocks of <see cref="InheritedMinWords"/> words or more.
    /// </summary>
    internal static bool Covers(bool inherited, string text) => !inherited || WordCount.Of(text) >= InheritedMinWords;

    private static int RegionStart(int warningIndex, WarningMatch warning, int? jumpBreak)
    {
        if (jumpBreak is int at && at > warningIndex && (at == warningIndex + 1 || warning.NamesBreak))
        {
            return at;
        }

        return warningIndex + 1;
    }
}
