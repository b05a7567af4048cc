namespace NeverLetMeGo.Data.Jobs;

public sealed record ScrapeJob
{
    public required long Id { get; init; }
    public required string Url { get; init; }
    public required string State { get; init; } // pending | running | done | dead (see ScrapeJobStates)
    public required int Attempts { get; init; }
    public required string? LastError { get; init; }
    public required string? Outcome { get; init; } // created | updated | unchanged
    public required long? ReviewId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A pending job is not claimed before this time (retry backoff).</summary>
    public DateTimeOffset RunAfter { get; init; }

    public string? LockedBy { get; init; }

    /// <summary>Class of the last failure (timeout, http_status, too_large, robots, ...): the label of the failure metrics.</summary>
    public string? FailureKind { get; init; }

    /// <summary>End of the running job's lease; after it, another worker may take the job.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>The sitemap or feed that queued the job; null for URLs queued by hand (or a removed source).</summary>
    public long? SourceId { get; init; }
}

public static class ScrapeJobStates
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Done = "done";
    public const string Dead = "dead";

    public static IReadOnlyList<string> All { get; } = [Pending, Running, Done, Dead];
}

/// <summary>Why a job failed: the reason shown to the operator and its class; permanent failures are not retried.</summary>
public sealed record JobFailure(string Reason, string Kind, bool Permanent = false, TimeSpan? RetryAfter = null)
{
    public const string OtherKind = "other";
}
