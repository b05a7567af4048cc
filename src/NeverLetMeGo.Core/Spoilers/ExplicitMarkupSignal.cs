using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>The page itself marks the block as a spoiler (spoiler classes, &lt;details&gt;, [spoiler] tags, &gt;!…!&lt;).</summary>
internal sealed class ExplicitMarkupSignal : ISpoilerSignal
{
    public const string Reason = "marked as spoiler in the page";

    public void Vote(TaggingContext context)
    {
        for (var i = 0; i < context.Blocks.Count; i++)
        {
            if (context.Blocks[i].MarkedSpoiler)
            {
                context.Add(i, new SpoilerVote(SpoilerLevel.Major, 1.0, Reason));
            }
        }
    }
}
