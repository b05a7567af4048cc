namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// One source of spoiler evidence. The tagger runs its signals in order over one text (an article or a comment); each
/// adds votes for the blocks it has an opinion on and may read the votes of the signals before it. A content model
/// (sentence scores, a linear model) plugs in as one more signal, without touching the others.
/// </summary>
internal interface ISpoilerSignal
{
    void Vote(TaggingContext context);
}
