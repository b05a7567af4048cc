using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Tags every block of one text (an article, or one comment) by running the spoiler signals in order and combining their
/// votes: an author warning stays visible (level none, warning true); otherwise the highest level wins, the score is the
/// strongest vote's, and every vote's reason is kept. Score meaning: 1.0 the page marks the text as a spoiler, 0.95 an
/// operator's spoiler term, 0.9 a region the author warned about, else the model's probability; 0 no signal fired.
/// Each block carries its sentences: a whole-block vote (markup, warned region) covers all of them; the model and the
/// terms set sentences one by one.
/// </summary>
internal sealed class SpoilerTagger(IReadOnlyList<ISpoilerSignal> signals)
{
    /// <summary>The page rules only: explicit markup, author warnings and jump breaks, sections named as the story.</summary>
    public static SpoilerTagger Rules { get; } = new(PageRules());

    // Every tagger runs the page's own rules first; each gets its own instances.
    private static ISpoilerSignal[] PageRules() => [new ExplicitMarkupSignal(), new AuthorWarningSignal(), new StorySectionSignal()];

    // Lazy, so the rules alone never load the sentence encoder.
    private static readonly Lazy<IReadOnlyList<ISpoilerSignal>> Content = new(() => SpoilerModel.Shipped is { } model
        ? [new SpoilerTermSignal(), new ContentModelSignal(model, MeaningReader.Shipped), new RevealedTermSignal(model.Background)]
        : [new SpoilerTermSignal()]);

    private static readonly Lazy<SpoilerTagger> DefaultTagger = new(() => new([.. PageRules(), .. ContentSignals]));

    private static readonly Lazy<SpoilerTagger> WordsOnlyTagger = new(() => new(SpoilerModel.Shipped is { } model
        ? [.. PageRules(), new SpoilerTermSignal(), new ContentModelSignal(model, null), new RevealedTermSignal(model.Background)]
        : [.. PageRules(), new SpoilerTermSignal()]));

    /// <summary>
    /// The default tagger without the sentence encoder: for a page's comments past what one page may spend on encoding
    /// (<see cref="ReviewPipeline"/>), so a thread of thousands of comments is tagged in time instead of failing its page.
    /// </summary>
    public static SpoilerTagger WordsOnly => WordsOnlyTagger.Value;

    /// <summary>The signals that read the text: the operators' spoiler terms and the shipped models (when the build has them).</summary>
    public static IReadOnlyList<ISpoilerSignal> ContentSignals => Content.Value;

    /// <summary>The rules, then the content signals.</summary>
    public static SpoilerTagger Default => DefaultTagger.Value;

    public IReadOnlyList<Block> Tag(ExtractedText text, WorkKnowledge? knowledge = null) => Tag(text, knowledge, null, out _);

    /// <summary>
    /// Tags one text; <paramref name="outer"/> is what tagging the text it answers learned (a comment's article), and
    /// <paramref name="reading"/> what tagging this one learned, for the comments that answer it.
    /// </summary>
    public IReadOnlyList<Block> Tag(ExtractedText text, WorkKnowledge? knowledge, TextReading? outer, out TextReading reading)
    {
        var prepared = InlineSpoilerMarkup.Apply(text);
        var context = new TaggingContext(prepared, knowledge, outer);
        foreach (var signal in signals)
        {
            signal.Vote(context);
        }

        reading = new TextReading(context.Revealed ?? TextReading.Empty.Revealed, context.Revealing ?? TextReading.Empty.Revealing) { OpenRegion = context.OpenRegion };
        var blocks = new Block[prepared.Blocks.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var source = prepared.Blocks[i];
            // A heading inside a warned region is read as the page's title is: a signpost, hidden only when the content
            // signals read it as telling ("Ruth's last donation"), not for standing after the warning ("Food for thought").
            var votes = context.IsConfidentlyClean(i) || source.Kind == BlockKind.Heading ? context.VotesFor(i).Where(v => !v.Yields).ToArray() : context.VotesFor(i);
            var tag = Combine(votes);
            var whole = SpoilerLevel.None;
            foreach (var vote in votes)
            {
                if (!vote.PerSentence && !tag.Warning && vote.Level > whole)
                    whole = vote.Level;
            }

            var spans = context.SentencesOf(i);
            var sentences = new SentenceSpan[spans.Count];
            var warnings = new bool[spans.Count];
            var told = SpoilerLevel.None;
            for (var s = 0; s < spans.Count; s++)
            {
                // A sentence that is itself the author's warning ("if you haven't seen it yet, stop here") or the end of one
                // is never hidden, unless it names an operator's spoiler term (the only signal that raises a warning sentence).
                // A warning protects only its own words: what a warning block says beside them is read like any sentence.
                var own = context.SentenceLevel(i, s);
                warnings[s] = IsWarning(source.Text, spans[s]) && own == SpoilerLevel.None;
                var level = warnings[s] ? SpoilerLevel.None : tag.Warning ? own : (SpoilerLevel)Math.Max((int)whole, (int)own);
                if (tag.Warning && level > told)
                    told = level;
                sentences[s] = new SentenceSpan(spans[s].Start, spans[s].End, level);
            }

            if (told > SpoilerLevel.None)
                tag = Told(votes, told);
            for (var s = 0; s < spans.Count; s++)
            {
                // A paragraph that gives story away is read like a region the author warned about: its other sentences
                // show only where the model is confident they reveal nothing, since a reveal spreads over the sentences
                // around it ("...where they go to look for Ruth's original").
                if (!warnings[s] && sentences[s].Level == SpoilerLevel.None && tag.Level > SpoilerLevel.None
                    && (context.ChanceOf(i, s) ?? 0) >= ScoreBlend.ShownBesideAReveal)
                    sentences[s] = sentences[s] with { Level = SpoilerLevel.Premise };
            }

            blocks[i] = new Block(i, source.Kind, source.Text, tag) { Sentences = sentences };
        }

        return blocks;
    }

    /// <summary>The sentence is itself an author's warning or the end of one: never hidden, never voted on.</summary>
    internal static bool IsWarning(string text, Text.TextSpan span)
    {
        var sentence = text.AsSpan(span.Start, span.Length);
        return WarningPatterns.MightWarn(sentence) && WarningPatterns.Classify(sentence.ToString()) is not null
            || WarningPatterns.IsEndMarker(sentence.ToString());
    }

    internal static SpoilerTag Combine(IReadOnlyList<SpoilerVote> votes)
    {
        if (votes.Count == 0)
            return SpoilerTag.Clean;

        var warning = false;
        var level = SpoilerLevel.None;
        foreach (var vote in votes)
        {
            warning |= vote.Warning;
            if (vote.Level > level)
                level = vote.Level;
        }

        if (warning)
            return new SpoilerTag(SpoilerLevel.None, true, 0, Reasons(votes, v => v.Warning));
        if (level == SpoilerLevel.None)
            return SpoilerTag.Clean;

        var score = 0.0;
        foreach (var vote in votes)
        {
            if (vote.Level == level && vote.Score > score)
                score = vote.Score;
        }

        return new SpoilerTag(level, false, score, Reasons(votes, v => v.Level > SpoilerLevel.None));
    }

    /// <summary>
    /// A warning block that also tells (a sentence beside the warning gives story away) is hidden at what it tells: the
    /// content's reasons first, then the warning's, which a retag reads to carry the warned region on.
    /// </summary>
    private static SpoilerTag Told(IReadOnlyList<SpoilerVote> votes, SpoilerLevel level)
    {
        var score = 0.0;
        foreach (var vote in votes)
        {
            if (vote.Level == level && vote.Score > score)
                score = vote.Score;
        }

        return new SpoilerTag(level, false, score, [.. Reasons(votes, v => v.Level > SpoilerLevel.None), .. Reasons(votes, v => v.Warning)]);
    }

    // Distinct reasons in vote order; a block rarely has more than three votes, so a linear scan beats a set.
    private static string[] Reasons(IReadOnlyList<SpoilerVote> votes, Func<SpoilerVote, bool> keep)
    {
        var reasons = new List<string>(votes.Count);
        foreach (var vote in votes)
        {
            if (keep(vote) && !reasons.Contains(vote.Reason, StringComparer.Ordinal))
                reasons.Add(vote.Reason);
        }

        return reasons.ToArray();
    }
}
