using System.Diagnostics;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Politeness;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Queue;

/// <summary>A claimed job after its fetch: a page, "not modified", or a failure. Its lease beats until it is finished.</summary>
internal sealed record FetchedJob(ScrapeJob Job, JobLease Lease, StoredValidators? Stored)
{
    public FetchedPage? Page { get; init; }
    public bool NotModified { get; init; }
    public JobFailure? Failure { get; init; }

    /// <summary>How long its requests held their hosts; null when none was sent. Counted when the job is finished.</summary>
    public TimeSpan? FetchLatency { get; init; }
}

/// <summary>The fetch stage of one job: a conditional GET, each request after robots.txt and its host's turn.</summary>
internal sealed class JobFetcher(HostGate gate, PageFetcher fetcher)
{
    /// <summary>
    /// <paramref name="stored"/> is what the last fetch of the URL left, read with the claim. Database failures (the host
    /// budget) are thrown: the caller backs off and the job's lease runs out.
    /// </summary>
    public async Task<FetchedJob> FetchAsync(ScrapeJob job, StoredValidators? stored, JobLease lease, string workerId, CancellationToken ct)
    {
        if (!Uri.TryCreate(job.Url, UriKind.Absolute, out var url) || !ScrapeInputs.IsHttpUrl(job.Url, out url))
            return new FetchedJob(job, lease, null) { Failure = new JobFailure($"not an http(s) URL: {UrlPolicy.Redact(job.Url)}", "bad_url", Permanent: true) };
        // Queued before enqueueing refused them: credentials are never sent.
        if (url.UserInfo.Length > 0)
            return new FetchedJob(job, lease, null) { Failure = new JobFailure("the URL carries credentials (user:password@), which are never stored or sent", "bad_url", Permanent: true) };

        var conditional = stored is { ETag: not null } or { LastModified: not null } ? new PageValidators(stored.ETag, stored.LastModified) : null;
        // Every request, redirect hops included, is checked against its host's robots.txt and waits for that host's turn.
        var timed = new TimedGate(gate.For(workerId));
        try
        {
            var page = await fetcher.FetchHttpAsync(url, conditional, timed, ct);
            return new FetchedJob(job, lease, stored) { Page = page, NotModified = page is null, FetchLatency = timed.Latency };
        }
        catch (FetchException ex)
        {
            return new FetchedJob(job, lease, stored) { Failure = ToFailure(ex), FetchLatency = timed.Latency };
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && !Failures.IsInfrastructure(ex))
        {
            // Whatever a page makes us throw fails that page's job; only the database may stop or slow the worker.
            var failure = new JobFailure(Failures.Reason(ex), JobFailure.OtherKind, Permanent: true);
            return new FetchedJob(job, lease, stored) { Failure = failure, FetchLatency = timed.Latency };
        }
    }

    public static JobFailure ToFailure(FetchException ex) => new(ex.Message, ex.Kind, ex.Permanent, ex.RetryAfter);
}

/// <summary>How long one job's requests held their hosts: its fetch latency, without the waits for a host's turn.</summary>
internal sealed class TimedGate(IRequestGate inner) : IRequestGate
{
    public int Requests { get; private set; }

    public TimeSpan Held { get; private set; }

    /// <summary>The fetch latency to count: null when no request was sent (refused before the first).</summary>
    public TimeSpan? Latency => Requests > 0 ? Held : null;

    public async Task<IRequestTurn> EnterAsync(Uri url, CancellationToken ct)
    {
        var turn = await inner.EnterAsync(url, ct);
        Requests++;
        return new Turn(this, turn, Stopwatch.GetTimestamp());
    }

    private sealed class Turn(TimedGate gate, IRequestTurn inner, long started) : IRequestTurn
    {
        public async Task ReleaseAsync(TimeSpan? retryAfter)
        {
            gate.Held += Stopwatch.GetElapsedTime(started);
            await inner.ReleaseAsync(retryAfter);
        }
    }
}
