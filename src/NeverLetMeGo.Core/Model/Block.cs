namespace NeverLetMeGo.Core.Model;

/// <summary>One block of a review or comment, in reading order, with its spoiler tag.</summary>
public sealed record Block(int Index, BlockKind Kind, string Text, SpoilerTag Spoiler);
