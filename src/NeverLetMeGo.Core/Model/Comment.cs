namespace NeverLetMeGo.Core.Model;

/// <summary>A reader comment. <see cref="Id"/> is stable within its page; <see cref="ParentId"/> links replies.</summary>
public sealed record Comment(string Id, string? ParentId, string? Author, DateTimeOffset? PublishedAt, IReadOnlyList<Block> Blocks);
