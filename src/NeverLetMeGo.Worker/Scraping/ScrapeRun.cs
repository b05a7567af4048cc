using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Ingestion;
using NeverLetMeGo.Core;
using NeverLetMeGo.Worker.Fetching;

namespace NeverLetMeGo.Worker.Scraping;

/// <summary>
/// One `nlmg scrape`: a fetch stage (several pages at once) feeding a process stage (extract, tag, save; as many at
/// once) through a bounded channel. A bad page fails alone; an infrastructure failure (database gone) ends the run by throwing. HTTP
/// pages go through <paramref name="gate"/> (robots.txt and the shared per-host budget), as the worker's do. A page that
/// ran past the parse bound while others were extracted beside it is tried once more after the rest, alone: the bound is
/// wall-clock time, and on a loaded machine a long page can miss it only for sharing the cores.
/// </summary>
internal sealed class ScrapeRun(PageFetcher fetcher, IRequestGate gate, ReviewIngester ingester, IScrapeProgress progress, ILogger logger)
{
    private sealed record Fetched(int Index, string Input, FetchedPage? Page, string? Failure);

    public async Task<ScrapeSummary> RunAsync(IReadOnlyList<string> inputs, int concurrency, CancellationToken ct)
    {
        var summary = new ScrapeSummary(inputs.Count);
        var slow = new ConcurrentQueue<Fetched>();
        var channel = Channel.CreateBounded<Fetched>(concurrency * 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var fetching = FetchAllAsync(inputs, concurrency, channel.Writer, stop.Token);
        try
        {
            // As many processors as fetchers: a page's save waits on the database, so the cores extract others meanwhile.
            var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token };
            await Parallel.ForEachAsync(channel.Reader.ReadAllAsync(stop.Token), options, async (item, token) =>
            {
                var result = await ProcessAsync(item, token);
                if (result is null)
                {
                    slow.Enqueue(item);
                    return;
                }
                Report(summary, result);
            });
            while (slow.TryDequeue(out var item))
                Report(summary, (await ProcessAsync(item, stop.Token, retry: false))!);
        }
        catch
        {
            // Unblocks fetchers waiting on a full channel.
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            progress.Finish();
            try
            {
                await fetching;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
        return summary;
    }

    private void Report(ScrapeSummary summary, ScrapeItemResult result)
    {
        lock (summary)
        {
            summary.Add(result);
            progress.Report(result, summary);
        }
    }

    private async Task FetchAllAsync(IReadOnlyList<string> inputs, int concurrency, ChannelWriter<Fetched> writer, CancellationToken ct)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
            await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), options, async (index, token) =>
            {
                var input = inputs[index];
                Fetched item;
                try
                {
                    item = new Fetched(index, input, await fetcher.FetchAsync(input, gate, token), null);
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    item = new Fetched(index, input, null, Failures.Reason(ex));
                }
                await writer.WriteAsync(item, token);
            });
        }
        finally
        {
            writer.Complete();
        }
    }

    /// <summary>The page's result, or null (only when <paramref name="retry"/>) when it ran past the parse bound and is left for later.</summary>
    private async Task<ScrapeItemResult?> ProcessAsync(Fetched item, CancellationToken ct, bool retry = true)
    {
        if (item.Page is null)
            return new ScrapeItemResult(item.Index, item.Input, null, item.Failure);
        try
        {
            var saved = await ingester.IngestAsync(item.Page.Html, item.Page.Url, ct);
            return new ScrapeItemResult(item.Index, item.Input, saved, null);
        }
        catch (ExtractionTimeoutException) when (retry)
        {
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Failures.IsInfrastructure(ex))
        {
            if (ex is not (ExtractionException or ExtractionTimeoutException))
                logger.LogError(ex, "Processing {Url} failed unexpectedly", item.Input);
            return new ScrapeItemResult(item.Index, item.Input, null, Failures.Reason(ex));
        }
    }
}
