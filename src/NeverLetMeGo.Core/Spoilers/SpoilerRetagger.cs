using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Re-tags stored blocks after the model or the work knowledge changed. The page's markup and read-more break are not
/// stored, so the page rules' verdicts (warnings, warned regions, markup) are kept from the stored reasons, and the
/// content signals (operator terms, the model with the work's vocabulary) run again.
/// </summary>
public static class SpoilerRetagger
{
    public static IReadOnlyList<Block> Retag(IReadOnlyList<Block> stored, WorkKnowledge knowledge) => Retag(stored, knowledge, null, out _);

    /// <summary>
    /// As <see cref="Retag(IReadOnlyList{Block}, WorkKnowledge)"/>, for a text read against another (a comment against its
    /// article); the review's <paramref name="title"/> is read again too, since a title that warns covers the whole page,
    /// and a <paramref name="comment"/> is read inside the article's warned region when that region stays open to its end.
    /// </summary>
    public static IReadOnlyList<Block> Retag(
        IReadOnlyList<Block> stored, WorkKnowledge knowledge, TextReading? outer, out TextReading reading, string? title = null, bool comment = false)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var text = new ExtractedText(stored.Select(b => new SourceBlock(b.Kind, b.Text)).ToArray(), null)
        {
            WarnedFromStart = TitleWarning.Level(title),
            UnderOpenRegion = comment ? outer?.OpenRegion : null,
        };
        var tagger = new SpoilerTagger([new StoredRulesSignal(stored), new StorySectionSignal(), .. SpoilerTagger.ContentSignals]);
        return tagger.Tag(text, knowledge, outer, out reading).Select((b, i) => b with { Index = stored[i].Index }).ToArray();
    }

    /// <summary>
    /// A freshly processed review again with its work's knowledge (known only once the page named its work): the article
    /// and each comment re-tagged, the page rules' verdicts kept.
    /// </summary>
    public static Review Retag(Review review, WorkKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(review);
        TextReading? page = null;
        var (blocks, comments) = PageReading.Tag(
            outer => (Retag(review.Blocks, knowledge, outer, out page, review.Title), page),
            review.Comments.Count,
            (i, outer) => (Retag(review.Comments[i].Blocks, knowledge, outer, out var reading, review.Title, comment: true), reading));
        return review with
        {
            Blocks = blocks,
            Comments = review.Comments.Select((c, i) => c with { Blocks = comments[i] }).ToArray(),
            TitleLevel = TitleReading.Level(review.Title, knowledge, page),
        };
    }
}

/// <summary>
/// Replays the page rules' stored verdicts: their reasons say which rule fired and at what level. A block the first
/// tagging left readable inside a warned region (the model was confident it revealed nothing) stored no reason, so the
/// region is carried on from the stored warning to the next end marker: such a block stays readable only while the model
/// is still confident.
/// </summary>
internal sealed class StoredRulesSignal(IReadOnlyList<Block> stored) : ISpoilerSignal
{
    public void Vote(TaggingContext context)
    {
        var (region, inherited) = context.RegionAtStart;
        for (var i = 0; i < stored.Count && i < context.Blocks.Count; i++)
        {
            var reasons = stored[i].Spoiler.Reasons;
            if (region is not null && WarningPatterns.EndsRegion(stored[i].Kind, stored[i].Text))
                region = null;
            var ruled = false;
            foreach (var reason in reasons)
            {
                var vote = reason switch
                {
                    AuthorWarningSignal.WarningReason => new SpoilerVote(SpoilerLevel.None, 0, reason, Warning: true),
                    AuthorWarningSignal.RegionReason => AuthorWarningSignal.Region(SpoilerLevel.Major),
                    AuthorWarningSignal.PremiseRegionReason => AuthorWarningSignal.Region(SpoilerLevel.Premise),
                    ExplicitMarkupSignal.Reason => new SpoilerVote(SpoilerLevel.Major, 1.0, reason),
                    ExplicitMarkupSignal.PartReason => MarkedPart(context, i, stored[i]),
                    _ => null,
                };
                if (vote is null)
                    continue;
                context.Add(i, vote);
                ruled = true;
                region = reason switch
                {
                    AuthorWarningSignal.WarningReason => WarningPatterns.Classify(stored[i].Text)?.Level ?? SpoilerLevel.Major,
                    AuthorWarningSignal.RegionReason => SpoilerLevel.Major,
                    AuthorWarningSignal.PremiseRegionReason => SpoilerLevel.Premise,
                    _ => region,
                };
                inherited &= reason != AuthorWarningSignal.WarningReason;
            }

            // No rule's reason stored inside a region: the region had given way to the model's confidence.
            if (!ruled && region is { } level && AuthorWarningSignal.Covers(inherited, stored[i].Text))
                context.Add(i, AuthorWarningSignal.Region(level));
        }

        context.OpenRegion = region;
    }

    /// <summary>
    /// A stretch the page marked inside the block: which sentences it touched is not stored, so every sentence stored as
    /// a major spoiler stays one (the marked ones among them); without stored sentences the whole block is hidden.
    /// </summary>
    private static SpoilerVote MarkedPart(TaggingContext context, int index, Block stored)
    {
        var spans = context.SentencesOf(index);
        var major = stored.Sentences.Where(s => s.Level == SpoilerLevel.Major).Select(s => (s.Start, s.End)).ToHashSet();
        var raised = false;
        for (var s = 0; s < spans.Count; s++)
        {
            if (major.Contains((spans[s].Start, spans[s].End)))
            {
                context.RaiseSentence(index, s, SpoilerLevel.Major);
                raised = true;
            }
        }

        return raised
            ? new SpoilerVote(SpoilerLevel.Major, 1.0, ExplicitMarkupSignal.PartReason, PerSentence: true)
            : new SpoilerVote(SpoilerLevel.Major, 1.0, ExplicitMarkupSignal.Reason);
    }
}
