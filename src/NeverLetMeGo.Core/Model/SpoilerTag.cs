namespace NeverLetMeGo.Core.Model;

/// <summary>The tagger's verdict on one block. <see cref="Warning"/> marks an author's own spoiler warning, which stays visible.</summary>
public sealed record SpoilerTag(SpoilerLevel Level, bool Warning, double Score, IReadOnlyList<string> Reasons)
{
    public static SpoilerTag Clean { get; } = new(SpoilerLevel.None, false, 0, []);
}
