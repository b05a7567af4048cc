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
    public static IReadOnlyList<Block> Retag(IReadOnlyList<Block> stored, WorkKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var text = new ExtractedText(stored.Select(b => new SourceBlock(b.Kind, b.Text)).ToArray(), null);
        var tagger = new SpoilerTagger([new StoredRulesSignal(stored), .. SpoilerTagger.ContentSignals]);
        return tagger.Tag(text, knowledge).Select((b, i) => b with { Index = stored[i].Index }).ToArray();
    }

    /// <summary>
    /// A freshly processed review again with its work's knowledge (known only once the page named its work): the article
    /// and each comment re-tagged, the page rules' verdicts kept.
    /// </summary>
    public static Review Retag(Review review, WorkKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review with
        {
            Blocks = Retag(review.Blocks, knowledge),
            Comments = review.Comments.Select(c => c with { Blocks = Retag(c.Blocks, knowledge) }).ToArray(),
        };
    }
}

/// <summary>Replays the page rules' stored verdicts: their reasons say which rule fired and at what level.</summary>
internal sealed class StoredRulesSignal(IReadOnlyList<Block> stored) : ISpoilerSignal
{
    public void Vote(TaggingContext context)
    {
        for (var i = 0; i < stored.Count && i < context.Blocks.Count; i++)
        {
            foreach (var reason in stored[i].Spoiler.Reasons)
            {
                var vote = reason switch
                {
                    AuthorWarningSignal.WarningReason => new SpoilerVote(SpoilerLevel.None, 0, reason, Warning: true),
                    AuthorWarningSignal.RegionReason => new SpoilerVote(SpoilerLevel.Major, AuthorWarningSignal.RegionScore, reason),
                    AuthorWarningSignal.PremiseRegionReason => new SpoilerVote(SpoilerLevel.Premise, AuthorWarningSignal.RegionScore, reason),
                    ExplicitMarkupSignal.Reason => new SpoilerVote(SpoilerLevel.Major, 1.0, reason),
                    _ => null,
                };
                if (vote is not null)
                    context.Add(i, vote);
            }
        }
    }
}
