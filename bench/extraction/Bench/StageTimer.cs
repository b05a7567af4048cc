using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Comments;
using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Ratings;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>
/// The pipeline's extraction stages timed one at a time, each run on fresh documents so it sees what it sees in
/// production. Tagging is not repeated here: it is the full pipeline's time minus these.
/// </summary>
internal static class StageTimer
{
    public static IReadOnlyList<Timing> Measure(string[] pages, int rounds, Uri url)
    {
        var load = Timing.Measure("  load (checks + parse)", pages, rounds, page => Try(() => HtmlLoader.Load(page)));
        var metadata = Measure("  load + metadata scan", pages, rounds, page =>
        {
            var document = HtmlLoader.Load(page);
            MetadataResolver.Resolve(PageScanner.Scan(document, new ClassHintCache()), url);
        });
        var comments = Measure("  load + comments", pages, rounds, page =>
        {
            var hints = new ClassHintCache();
            var body = ArticleExtractor.FindBody(HtmlLoader.Load(page));
            new CommentExtractor(hints).Extract(body);
        });
        var article = Measure("  load + article (no comment removal)", pages, rounds, page =>
        {
            var hints = new ClassHintCache();
            var body = ArticleExtractor.FindBody(HtmlLoader.Load(page));
            var text = ArticleExtractor.Extract(body, hints, out _);
            RatingFinder.Find(null, text.Blocks);
        });
        return [load, metadata, comments, article];
    }

    private static Timing Measure(string name, string[] pages, int rounds, Action<string> stage) =>
        Timing.Measure(name, pages, rounds, page => Try(() => stage(page)));

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (ExtractionException)
        {
            // Refused pages still cost their time.
        }
    }
}
