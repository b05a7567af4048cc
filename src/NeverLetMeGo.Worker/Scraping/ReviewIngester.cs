using System.Globalization;
using NeverLetMeGo.Core;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Worker.Fetching;

namespace NeverLetMeGo.Worker.Scraping;

/// <summary>The process stage for one fetched page: extract and tag (Core), hash, upsert (Data).</summary>
internal sealed class ReviewIngester(ReviewStore store, TimeProvider clock, TimeSpan parseTimeout)
{
    public async Task<SaveResult> IngestAsync(FetchedPage page, CancellationToken ct)
    {
        // Parsing cannot be interrupted, so a runaway page keeps its thread until it finishes; but its job fails at the
        // bound with a reason and the worker goes on to the next page.
        var processing = Task.Run(() => ReviewPipeline.Process(page.Html, page.Url), ct);
        Core.Model.Review review;
        try
        {
            review = await processing.WaitAsync(parseTimeout, clock, ct);
        }
        catch (TimeoutException)
        {
            throw new ExtractionException(string.Create(CultureInfo.InvariantCulture, $"extraction took longer than {parseTimeout.TotalSeconds:0.###} s"));
        }

        return await store.SaveAsync(review, ContentHash.Compute(review), clock.GetUtcNow(), ct);
    }
}
