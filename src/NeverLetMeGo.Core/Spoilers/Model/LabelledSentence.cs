using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers.Model;

/// <summary>
/// One sentence to score: its id, the work it is about, the review it belongs to (null when unknown: then its position
/// and any warning before it are unknown too) and its text. Sentences of one review come in reading order.
/// </summary>
public sealed record SentenceInput(string Id, string WorkId, string? ReviewId, string Text);

/// <summary>A sentence with its label, for training and evaluation; <see cref="Source"/> groups the evaluation table.</summary>
public sealed record LabelledSentence(SentenceInput Sentence, SpoilerLevel Label, string Source);

/// <summary>
/// The model's verdict on one sentence: spoiler probability (premise or major) and level; <see cref="Major"/> is the chance
/// it reveals more than the set-up (spoiler × major given spoiler), what a yes/no spoiler label means.
/// </summary>
public sealed record SentenceScore(string Id, double Score, SpoilerLevel Level)
{
    public double Major { get; init; }
}
