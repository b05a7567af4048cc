using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// A signal's opinion of one block. <see cref="Score"/> is the signal's confidence, 0–1, that the block gives away story
/// at <see cref="Level"/>. <see cref="Warning"/> marks the author's own spoiler warning, which always stays visible.
/// <see cref="PerSentence"/>: the vote sums up sentence levels the signal set, so it does not cover every sentence.
/// <see cref="Yields"/>: the vote is a guess about the whole block (a warned region) that gives way when the model is
/// confident the block reveals nothing.
/// </summary>
internal sealed record SpoilerVote(SpoilerLevel Level, double Score, string Reason, bool Warning = false, bool PerSentence = false, bool Yields = false);
