using System.Text.Json.Serialization;

namespace NeverLetMeGo.Core.Model;

/// <summary>A review page after extraction and spoiler tagging: what <c>nlmg extract --json</c> prints and what the store saves.</summary>
public sealed record Review
{
    [JsonPropertyOrder(0)]
    public required string Url { get; init; }

    [JsonPropertyOrder(1)]
    public required string? Title { get; init; }

    /// <summary>
    /// How much the title gives away, read like the text (<see cref="Spoilers.TitleReading"/>): a title above none is
    /// never shown as it is (the safe title replaces it).
    /// </summary>
    [JsonPropertyOrder(2)]
    public SpoilerLevel TitleLevel { get; init; }

    [JsonPropertyOrder(3)]
    public required string? Author { get; init; }

    [JsonPropertyOrder(4)]
    public required DateTimeOffset? PublishedAt { get; init; }

    [JsonPropertyOrder(5)]
    public required string? SiteName { get; init; }

    /// <summary>The page's declared language as a BCP 47 tag ("en", "en-GB"), when it declares one.</summary>
    [JsonPropertyOrder(6)]
    public string? Language { get; init; }

    [JsonPropertyOrder(7)]
    public required WorkRef Work { get; init; }

    [JsonPropertyOrder(8)]
    public required Rating? Rating { get; init; }

    /// <summary>Whether the text is an article the extractor recognised or the page's best text region.</summary>
    [JsonPropertyOrder(9)]
    public ExtractionMode Extraction { get; init; }

    [JsonPropertyOrder(10)]
    public bool ContainsSpoilers => Blocks.Any(b => b.Spoiler.Level > SpoilerLevel.None);

    [JsonPropertyOrder(11)]
    public required IReadOnlyList<Block> Blocks { get; init; }

    [JsonPropertyOrder(12)]
    public required IReadOnlyList<Comment> Comments { get; init; }
}
