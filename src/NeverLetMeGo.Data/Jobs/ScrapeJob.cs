namespace NeverLetMeGo.Data.Jobs;

public sealed record ScrapeJob
{
    public required long Id { get; init; }
    public required string Url { get; init; }
    public required string State { get; init; } // pending | running | done | failed | dead
    public required int Attempts { get; init; }
    public required string? LastError { get; init; }
    public required string? Outcome { get; init; } // created | updated | unchanged
    public required long? ReviewId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
