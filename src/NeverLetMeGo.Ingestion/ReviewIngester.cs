using System.Globalization;
using NeverLetMeGo.Core;
using NeverLetMeGo.Data.Knowledge;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Ingestion;

/// <summary>
/// The one ingestion path, whatever fetched the page (the worker, `nlmg scrape`, the sample import): extract (Core), look
/// up what is known of the work the page names (its vocabulary and its operators' spoiler terms, when it is stored
/// already), tag once with it (Core), hash, and store with Core's decisions (Data).
/// </summary>
public sealed class ReviewIngester(ReviewStore store, WorkKnowledgeCache knowledge, TimeProvider clock, TimeSpan parseTimeout)
{
    public ReviewIngester(ReviewStore store, WorkKnowledgeStore knowledge, TimeProvider clock, TimeSpan parseTimeout)
        : this(store, new WorkKnowledgeCache(knowledge, clock), clock, parseTimeout)
    {
    }

    /// <summary>Stores the page at <paramref name="url"/> (where it was finally found, after redirects; file: for local files).</summary>
    /// <exception cref="ExtractionException">The page cannot be read as a review.</exception>
    /// <exception cref="ExtractionTimeoutException">Extraction and tagging ran past the parse timeout.</exception>
    public async Task<SaveResult> IngestAsync(string html, Uri url, CancellationToken ct)
    {
        // The models load once per process, outside any page's time limit.
        await Prepared.Value.WaitAsync(ct);
        var started = clock.GetTimestamp();
        var extracted = await BoundedAsync(() => ReviewPipeline.Extract(html, url), parseTimeout, ct);
        // A page that names no work has no other reviews to learn from (it is a work of its own once stored).
        var known = extracted.Work.Named ? await knowledge.GetAsync(extracted.Work.Title, ct) : null;
        if (known is { Vocabulary.Count: 0, Terms.Count: 0 })
            known = null;
        // Extraction and tagging share one bound; the knowledge lookup between them is the database's time, not the page's.
        var left = parseTimeout - clock.GetElapsedTime(started);
        var review = await BoundedAsync(() => ReviewPipeline.Tag(extracted, known), left > TimeSpan.Zero ? left : TimeSpan.Zero, ct);
        return await store.SaveAsync(review, ContentHash.Compute(review), clock.GetUtcNow(), ct);
    }

    private static readonly Lazy<Task> Prepared = new(() => Task.Run(ReviewPipeline.Prepare));

    private async Task<T> BoundedAsync<T>(Func<T> work, TimeSpan bound, CancellationToken ct)
    {
        // Parsing cannot be interrupted, so a runaway page keeps its thread until it finishes; but its job fails at the
        // bound with a reason and the worker goes on to the next page.
        var running = Task.Run(work, ct);
        try
        {
            return await running.WaitAsync(bound, clock, ct);
        }
        catch (TimeoutException)
        {
            throw new ExtractionTimeoutException(string.Create(CultureInfo.InvariantCulture, $"extraction took longer than {parseTimeout.TotalSeconds:0.###} s"));
        }
    }
}

/// <summary>Extraction ran past its bound: unlike the page's own faults, a retry on a quieter machine may pass.</summary>
public sealed class ExtractionTimeoutException(string message) : Exception(message);
