using System.Globalization;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Data.Knowledge;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Worker.Fetching;

namespace NeverLetMeGo.Worker.Scraping;

/// <summary>
/// The process stage for one fetched page: extract and tag (Core), hash, upsert (Data). A page names its work only once it
/// is extracted; when that work is stored already, the page is tagged again with the work's knowledge (its vocabulary and
/// its operators' spoiler terms), as `nlmg retag` would.
/// </summary>
internal sealed class ReviewIngester(ReviewStore store, WorkKnowledgeCache knowledge, TimeProvider clock, TimeSpan parseTimeout)
{
    public ReviewIngester(ReviewStore store, WorkKnowledgeStore knowledge, TimeProvider clock, TimeSpan parseTimeout)
        : this(store, new WorkKnowledgeCache(knowledge, clock), clock, parseTimeout)
    {
    }

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

        if (await knowledge.GetAsync(review.Work.Title, ct) is { } known && (known.Vocabulary.Count > 0 || known.Terms.Count > 0))
            review = SpoilerRetagger.Retag(review, known);
        return await store.SaveAsync(review, ContentHash.Compute(review), clock.GetUtcNow(), ct);
    }
}
