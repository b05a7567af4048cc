namespace NeverLetMeGo.Core.Model;

/// <summary>A review page after extraction and spoiler tagging: what <c>nlmg extract --json</c> prints and what the store saves.</summary>
public sealed record Review
{
    public required string Url { get; init; }
    public required string? Title { get; init; }
    public required string? Author { get; init; }
    public required DateTimeOffset? PublishedAt { get; init; }
    public required string? SiteName { get; init; }
    public required WorkRef Work { get; init; }
    public required Rating? Rating { get; init; }
    public required IReadOnlyList<Block> Blocks { get; init; }
    public required IReadOnlyList<Comment> Comments { get; init; }

    public bool ContainsSpoilers => Blocks.Any(b => b.Spoiler.Level > SpoilerLevel.None);
}
