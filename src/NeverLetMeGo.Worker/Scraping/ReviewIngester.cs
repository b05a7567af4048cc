using NeverLetMeGo.Core;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Worker.Fetching;

namespace NeverLetMeGo.Worker.Scraping;

/// <summary>The process stage for one fetched page: extract and tag (Core), hash, upsert (Data).</summary>
internal sealed class ReviewIngester(ReviewStore store, TimeProvider clock)
{
    public Task<SaveResult> IngestAsync(FetchedPage page, CancellationToken ct)
    {
        var review = ReviewPipeline.Process(page.Html, page.Url);
        var hash = ContentHash.Compute(review);
        return store.SaveAsync(review, hash, clock.GetUtcNow(), ct);
    }
}
