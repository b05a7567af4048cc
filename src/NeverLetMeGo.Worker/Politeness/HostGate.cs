using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Data.Politeness;
using NeverLetMeGo.Worker.Fetching;

namespace NeverLetMeGo.Worker.Politeness;

/// <summary>
/// Politeness before every request: robots.txt (fetched once per origin, cached in the database and here) and the
/// origin's shared budget (one request at a time, the larger of Scraper:HostDelaySeconds and Crawl-delay between them).
/// </summary>
internal sealed class HostGate(HostBudget budget, PageFetcher fetcher, IOptions<ScraperOptions> options, TimeProvider clock, ILogger<HostGate> logger)
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTimeOffset Until)> _robots = new(StringComparer.Ordinal);
    // This process's requests to one origin queue here, woken as soon as the previous one ends, instead of polling the budget.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);

    /// <summary>scheme://host[:port]: robots.txt and the budget are per origin.</summary>
    public static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>Waits for the origin's turn; throws a permanent <see cref="FetchException"/> when robots.txt disallows the URL.</summary>
    public async Task<HostSlot> EnterAsync(Uri url, string workerId, CancellationToken ct)
    {
        var origin = Origin(url);
        var rules = await RulesAsync(origin, workerId, ct);
        if (!rules.IsAllowed(url.PathAndQuery))
            throw new FetchException($"disallowed by robots.txt for {options.Value.RobotsToken}") { Kind = "robots", Permanent = true };
        var turn = await AcquireAsync(origin, workerId, ct);
        return new HostSlot(budget, turn, origin, workerId, Delay(rules), logger);
    }

    /// <summary>This gate as the fetcher asks it, before every request and redirect hop, for one worker.</summary>
    public IRequestGate For(string workerId) => new WorkerGate(this, workerId);

    private TimeSpan Delay(RobotsRules rules) =>
        rules.CrawlDelay is { } crawl && crawl > options.Value.HostDelay ? crawl : options.Value.HostDelay;

    /// <summary>Takes this process's turn for the origin, then the shared budget; returns the turn to release.</summary>
    private async Task<SemaphoreSlim> AcquireAsync(string origin, string workerId, CancellationToken ct)
    {
        var turn = _turns.GetOrAdd(origin, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        try
        {
            // The hold outlives the longest request, so a worker that dies frees the origin by itself.
            var hold = options.Value.Timeout + TimeSpan.FromSeconds(5);
            var poll = MinPoll;
            while (await budget.TryAcquireAsync(origin, workerId, hold, ct) is { } wait)
            {
                // Zero: another process holds the origin for a request of unknown length, so ask again soon, then less often.
                var delay = wait > TimeSpan.Zero ? wait : poll;
                await Task.Delay(delay < MinPoll ? MinPoll : delay > MaxPoll ? MaxPoll : delay, clock, ct);
                poll = poll * 2 > MaxPoll ? MaxPoll : poll * 2;
            }
            return turn;
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    private async Task<RobotsRules> RulesAsync(string origin, string workerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_robots.TryGetValue(origin, out var known) && known.Until > now)
            return known.Rules;

        var maxAge = options.Value.RobotsCacheAge;
        var cached = await budget.GetRobotsAsync(origin, maxAge, ct);
        if (cached is null)
        {
            // Fetching robots.txt is a request like any other: it takes the origin's turn.
            var turn = await AcquireAsync(origin, workerId, ct);
            var slot = new HostSlot(budget, turn, origin, workerId, options.Value.HostDelay, logger);
            try
            {
                cached = await budget.GetRobotsAsync(origin, maxAge, ct) ?? await FetchRobotsAsync(origin, ct);
            }
            finally
            {
                await slot.ReleaseAsync(null);
            }
        }
        var rules = cached.Status is >= 200 and < 300 && cached.Text is { } text
            ? RobotsRules.Parse(text, options.Value.RobotsToken)
            : RobotsRules.AllowAll;
        _robots[origin] = (rules, cached.FetchedAt + maxAge);
        return rules;
    }

    private async Task<CachedRobots> FetchRobotsAsync(string origin, CancellationToken ct)
    {
        var document = await fetcher.FetchDocumentAsync(new Uri(origin + "/robots.txt"), ct);
        // A server error says nothing about what is allowed: nothing is, until a later attempt reads the file (RFC 9309).
        if (PageFetcher.IsServerTrouble(document.Status))
        {
            throw new FetchException($"robots.txt unavailable (HTTP {document.Status})")
            {
                Kind = "robots_unavailable",
                RetryAfter = document.RetryAfter,
            };
        }
        await budget.SaveRobotsAsync(origin, document.Text, document.Status, ct);
        logger.LogInformation("Fetched robots.txt of {Origin}: HTTP {Status}", origin, document.Status);
        return new CachedRobots(document.Text, document.Status, clock.GetUtcNow());
    }
}

/// <summary>An origin held for one request; released with the delay before the next (longer after a Retry-After).</summary>
internal sealed class HostSlot(HostBudget budget, SemaphoreSlim turn, string origin, string workerId, TimeSpan delay, ILogger logger) : IRequestTurn
{
    public string Origin => origin;

    public async Task ReleaseAsync(TimeSpan? retryAfter)
    {
        try
        {
            if (retryAfter is { } wait && wait > delay)
                await budget.SlowDownAsync(origin, wait, CancellationToken.None);
            await budget.ReleaseAsync(origin, workerId, delay, CancellationToken.None);
        }
        catch (Exception ex) when (Scraping.Failures.IsInfrastructure(ex))
        {
            // The hold expires by itself; the origin is only idle a little longer.
            logger.LogError(ex, "Releasing {Origin} failed; its hold will expire", origin);
        }
        finally
        {
            turn.Release();
        }
    }
}

internal sealed class WorkerGate(HostGate gate, string workerId) : IRequestGate
{
    public async Task<IRequestTurn> EnterAsync(Uri url, CancellationToken ct) => await gate.EnterAsync(url, workerId, ct);
}
