namespace NeverLetMeGo.Core.Extraction.Comments;

/// <summary>A comment as found in the page, before spoiler tagging.</summary>
internal sealed record RawComment(string Id, string? ParentId, string? Author, DateTimeOffset? PublishedAt, ExtractedText Text);
