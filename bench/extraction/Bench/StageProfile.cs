using System.Diagnostics;
using System.Globalization;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Comments;
using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Ratings;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>
/// The pipeline's steps in one pass per page, each timed with a timestamp: the shares stay comparable even when the
/// machine's load changes between passes. Mirrors ReviewPipeline.Read.
/// </summary>
internal static class StageProfile
{
    private static readonly string[] Names = ["parse", "walk: metadata+comments", "metadata resolve", "comments read", "article", "tidy+rating+work", "tagging"];

    public static void Write(TextWriter output, string[] pages, int rounds, Uri url, bool tag)
    {
        var ticks = new long[Names.Length];
        Array.Clear(Allocated);
        for (var r = 0; r < rounds; r++)
        {
            foreach (var page in pages)
            {
                try
                {
                    Run(page, url, ticks, tag);
                }
                catch (ExtractionException)
                {
                    // Counted up to the step that refused the page.
                }
            }
        }

        var total = ticks.Sum();
        for (var i = 0; i < (tag ? Names.Length : Names.Length - 1); i++)
        {
            var ms = ticks[i] * 1000.0 / Stopwatch.Frequency / (pages.Length * rounds);
            var kb = Allocated[i] / 1024.0 / (pages.Length * rounds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Names[i],-26} {ms,7:0.000} ms/page  {100.0 * ticks[i] / total,5:0.0}%  {kb,7:0.0} KB/page"));
        }
    }

    private static void Run(string page, Uri url, long[] ticks, bool tag)
    {
        _allocatedAt = GC.GetAllocatedBytesForCurrentThread();
        var t = Stopwatch.GetTimestamp();
        var document = HtmlLoader.Load(page);
        t = Lap(ticks, 0, t);
        var hints = new ClassHintCache(Math.Min(page.Length / 160, 20_000));
        var body = ArticleExtractor.FindBody(document);
        var comments = new CommentExtractor(hints);
        var signals = PageWalk.Run(document, hints, comments, body);
        t = Lap(ticks, 1, t);
        var metadata = MetadataResolver.Resolve(signals, url);
        t = Lap(ticks, 2, t);
        var raw = comments.Finish();
        foreach (var container in comments.Containers)
        {
            container.Remove();
        }

        t = Lap(ticks, 3, t);
        var extracted = ArticleExtractor.Extract(body, hints, out _);
        t = Lap(ticks, 4, t);
        var article = ArticleTop.Tidy(extracted, metadata.Title, out _);
        RatingFinder.Find(metadata.Rating, article.Blocks);
        WorkTitle.From(metadata.ItemReviewed, metadata.Title);
        t = Lap(ticks, 5, t);
        if (!tag)
        {
            return;
        }

        var tagger = SpoilerTagger.Default;
        tagger.Tag(article, null);
        foreach (var comment in raw)
        {
            tagger.Tag(comment.Text, null);
        }

        Lap(ticks, 6, t);
    }

    // Bytes allocated per step on this thread: unlike time, allocation does not move with the machine's load.
    private static readonly long[] Allocated = new long[Names.Length];
    private static long _allocatedAt;

    private static long Lap(long[] ticks, int stage, long start)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Allocated[stage] += allocated - _allocatedAt;
        _allocatedAt = allocated;
        var now = Stopwatch.GetTimestamp();
        ticks[stage] += now - start;
        return now;
    }
}
