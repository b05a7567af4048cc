using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Sources;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Politeness;

namespace NeverLetMeGo.Worker.Sources;

/// <summary>
/// Reads due sources (politely, through the host gate) and queues their new entries. A sitemap index is followed one
/// level down, at most <see cref="MaxChildSitemaps"/> sitemaps. A broken source records its error and is tried next round.
/// </summary>
internal sealed class SourcePoller(
    SourceStore sources, ScrapeJobQueue queue, HostGate gate, PageFetcher fetcher, IOptions<ScraperOptions> options, ILogger<SourcePoller> logger)
{
    public const int MaxChildSitemaps = 50;
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:sources";

    /// <summary>Polls every source due now; returns how many new entries were queued (an open job for a URL is reused).</summary>
    public async Task<int> PollDueAsync(CancellationToken ct)
    {
        var queued = 0;
        var polled = new HashSet<long>();
        // Each source once per round, even when the interval is so short that it is due again at once.
        while (await sources.ClaimDueAsync(options.Value.SourcePollInterval, ct) is { } source && polled.Add(source.Id))
            queued += await PollAsync(source, ct);
        return queued;
    }

    private async Task<int> PollAsync(ScrapeSource source, CancellationToken ct)
    {
        try
        {
            var document = await ReadAsync(source.Url, ct);
            var pages = new List<string>(document.Pages);
            var children = document.Sitemaps.Take(MaxChildSitemaps).ToList();
            string? childError = null;
            var failedChildren = 0;
            foreach (var child in children)
            {
                // One child gone (a 404, a broken file) is that child's failure: its siblings' entries are still read.
                try
                {
                    pages.AddRange((await ReadAsync(child, ct)).Pages);
                }
                catch (Exception ex) when (ex is FetchException or InvalidDataException)
                {
                    logger.LogWarning("Source {SourceId} {Url}: child sitemap {Child} skipped: {Reason}", source.Id, source.Url, child, ex.Message);
                    childError ??= $"{child}: {ex.Message}";
                    failedChildren++;
                }
            }
            // A sitemap may list anything: what the fetcher would refuse (or must never store) is not queued.
            var policy = new UrlPolicy(options.Value.AllowedHosts);
            var canonical = pages.Select(PageUrls.Canonicalize).OfType<string>().Where(url => policy.Refusal(url) is null).ToList();
            var fresh = await sources.AddEntriesAsync(source.Id, canonical, ct);
            foreach (var url in fresh)
                await queue.EnqueueAsync(url, source.Id, ct);
            // Recorded after the entries (which clear the last error), so `nlmg sources list` shows the operator which child failed.
            if (childError is not null)
                await sources.RecordErrorAsync(source.Id, $"{failedChildren} of {children.Count} child sitemaps failed, first {childError}", ct);
            logger.LogInformation("Source {SourceId} {Url}: {Entries} entries, {New} new queued", source.Id, source.Url, canonical.Count, fresh.Count);
            return fresh.Count;
        }
        catch (Exception ex) when (ex is FetchException or InvalidDataException)
        {
            logger.LogWarning("Source {SourceId} {Url} failed: {Reason}", source.Id, source.Url, ex.Message);
            await sources.RecordErrorAsync(source.Id, ex.Message, ct);
            return 0;
        }
    }

    private async Task<SourceDocument> ReadAsync(string url, CancellationToken ct)
    {
        if (PageUrls.Canonicalize(url) is not { } canonical)
            throw new InvalidDataException($"not an http(s) URL: {url}");
        var document = await fetcher.FetchDocumentAsync(new Uri(canonical), gate.For(_workerId), ct);
        if (document.Text is null)
            throw new FetchException($"{url}: HTTP {document.Status}") { Kind = $"http_{document.Status}" };
        return SourceDocument.Parse(document.Text);
    }
}
