using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Sources;

namespace NeverLetMeGo.Api.Admin;

/// <summary>Pages to queue: absolute http(s) URLs (fragments and tracking parameters are dropped).</summary>
public sealed record EnqueueJobsRequest(IReadOnlyList<string>? Urls);

public sealed record EnqueueJobsResponse(IReadOnlyList<EnqueuedJob> Jobs);

/// <summary>One queued URL and its job (an existing pending or running job for the same URL is reused).</summary>
public sealed record EnqueuedJob(long Id, string Url);

public sealed record ScrapeJobResponse(
    long Id,
    string Url,
    string State,
    int Attempts,
    string? LastError,
    string? FailureKind,
    string? Outcome,
    long? ReviewId,
    DateTimeOffset RunAfter,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? SourceId)
{
    public static ScrapeJobResponse From(ScrapeJob job) => new(
        job.Id, job.Url, job.State, job.Attempts, job.LastError, job.FailureKind, job.Outcome, job.ReviewId, job.RunAfter, job.CreatedAt, job.UpdatedAt,
        job.SourceId);
}

public sealed record ScrapeJobListResponse(IReadOnlyList<ScrapeJobResponse> Items);

/// <summary>A sitemap (sitemap.xml or a sitemap index) or an RSS/Atom feed; kind defaults from the URL.</summary>
public sealed record AddSourceRequest(string? Url, string? Kind);

public sealed record SourceResponse(long Id, string Url, string Kind, DateTimeOffset CreatedAt, DateTimeOffset? LastPolledAt, string? LastError, int EntryCount)
{
    public static SourceResponse From(ScrapeSource s) => new(s.Id, s.Url, s.Kind, s.CreatedAt, s.LastPolledAt, s.LastError, s.EntryCount);
}

public sealed record SourceListResponse(IReadOnlyList<SourceResponse> Items);
