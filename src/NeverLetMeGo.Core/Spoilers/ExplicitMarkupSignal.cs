using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// The page itself marks the block as a spoiler (spoiler classes, &lt;details&gt;, [spoiler] tags, &gt;!…!&lt;): the whole
/// block, or, where the page marks a stretch inside a paragraph, the sentences that stretch touches.
/// </summary>
internal sealed class ExplicitMarkupSignal : ISpoilerSignal
{
    public const string Reason = "marked as spoiler in the page";
    public const string PartReason = "part marked as spoiler in the page";

    public void Vote(TaggingContext context)
    {
        for (var i = 0; i < context.Blocks.Count; i++)
        {
            var block = context.Blocks[i];
            if (block.MarkedSpoiler)
            {
                context.Add(i, new SpoilerVote(SpoilerLevel.Major, 1.0, Reason));
            }
            else if (block.MarkedParts is { Count: > 0 } parts)
            {
                var spans = context.SentencesOf(i);
                for (var s = 0; s < spans.Count; s++)
                {
                    if (parts.Any(p => p.Start < spans[s].End && p.End > spans[s].Start))
                        context.RaiseSentence(i, s, SpoilerLevel.Major);
                }

                context.Add(i, new SpoilerVote(SpoilerLevel.Major, 1.0, PartReason, PerSentence: true));
            }
        }
    }
}
