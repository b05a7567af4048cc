namespace NeverLetMeGo.Api.Knowledge;

/// <summary>A known spoiler term for a work: the word or phrase and its level, `premise` or `major`.</summary>
internal sealed record SpoilerTermRequest(string? Term, string? Level);

/// <summary>A stored spoiler term. The tagger tags every sentence of the work's reviews that mentions it (after `nlmg retag`).</summary>
internal sealed record SpoilerTermResponse(string Term, string Level, DateTimeOffset UpdatedAt);

/// <summary>A work's spoiler terms, alphabetical.</summary>
internal sealed record SpoilerTermListResponse(long WorkId, IReadOnlyList<SpoilerTermResponse> Items);
