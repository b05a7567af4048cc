namespace NeverLetMeGo.Core.Model;

/// <summary>One sentence of a block: characters [<see cref="Start"/>, <see cref="End"/>) of its text, with its own spoiler level.</summary>
public sealed record SentenceSpan(int Start, int End, SpoilerLevel Level);
