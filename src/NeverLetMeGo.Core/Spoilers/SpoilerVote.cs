using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// A signal's opinion of one block. <see cref="Score"/> is the signal's confidence, 0–1, that the block gives away story
/// at <see cref="Level"/>. <see cref="Warning"/> marks the author's own spoiler warning, which always stays visible.
/// </summary>
internal sealed record SpoilerVote(SpoilerLevel Level, double Score, string Reason, bool Warning = false);
