using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// One sentence to score: its id, the work it is about, the review it belongs to (null when unknown: then its position
/// and any warning before it are unknown too) and its text. Sentences of one review come in reading order.
/// </summary>
public sealed record SentenceInput(string Id, string WorkId, string? ReviewId, string Text);

/// <summary>A sentence with its label, for training and evaluation; <see cref="Source"/> groups the evaluation table.</summary>
public sealed record LabelledSentence(SentenceInput Sentence, SpoilerLevel Label, string Source);

/// <summary>
/// The model's verdict on one sentence: <see cref="Spoiler"/> is the chance it gives anything away (premise or major),
/// <see cref="Major"/> the chance it reveals more than the set-up (spoiler × major given spoiler), <see cref="Level"/> the
/// level the tagger would give it. <see cref="Score"/> is what `nlmg spoilers score` writes and what a yes/no spoiler label is
/// measured against: how much the sentence gives away, a major reveal counting fully and a set-up a quarter. Yes/no
/// labels (the wiki's spoiler markup, a reader's spoiler tag) mark the reveals an author hid and mostly leave the set-up a
/// blurb tells unmarked, so ranking by the chance of any spoiler would rank set-ups as high as twists; a quarter rather than
/// nothing keeps a sentence the tagger calls premise above plain opinion. <see cref="Own"/> is the spoiler chance of the
/// sentence read alone, before its neighbours lean on it and as if no warning came before it: the confidence that decides
/// whether a paragraph inside an author's warned region stays readable (below <see cref="SpoilerScorer.ConfidentlyClean"/>).
/// </summary>
public sealed record SentenceScore(string Id, double Spoiler, double Major, SpoilerLevel Level, double Own)
{
    private const double PremiseWeight = 0.25;

    public double Score => Major + PremiseWeight * (Spoiler - Major);
}
