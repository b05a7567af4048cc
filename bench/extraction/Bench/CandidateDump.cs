using System.Globalization;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Comments;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>Prints the best-scored containers of one page and the roots the article extractor keeps, to see why a page goes wrong.</summary>
internal static class CandidateDump
{
    public static void Write(TextWriter output, string html)
    {
        var hints = new ClassHintCache();
        var body = ArticleExtractor.FindBody(HtmlLoader.Load(html));
        // As the pipeline does: comment threads leave the page before the article is scored.
        var comments = new CommentExtractor(hints);
        comments.Extract(body);
        foreach (var container in comments.Containers)
        {
            output.WriteLine($"comment container removed: {Describe(container)}");
            container.Remove();
        }

        var analyzer = new ContentAnalyzer(hints);
        analyzer.Analyze(body);
        foreach (var (node, s) in analyzer.Stats.Where(p => ContentAnalyzer.IsAttached(p.Key, body)).OrderByDescending(p => p.Value.FinalScore).Take(12))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.FinalScore,8:0.0} w={s.Weight,4:0} text={s.TextLength,6} links={s.LinkDensity:0.00} paras={s.Paragraphs,3}  {Describe(node)}"));
        }

        output.WriteLine("roots:");
        var roots = ArticleExtractor.ChooseRoots(body, analyzer.Stats) ?? [FallbackText.Region(body, analyzer.Stats)];
        foreach (var root in roots)
        {
            output.WriteLine($"  {Describe(root)}");
        }

        var text = new BlockEmitter(hints, analyzer.Stats).Emit(roots);
        output.WriteLine($"blocks: {text.Blocks.Count}");
    }

    private static string Describe(HtmlNode node)
    {
        var path = new List<string>();
        for (var n = node; n is not null && n.NodeType == HtmlNodeType.Element; n = n.ParentNode)
        {
            var id = n.GetAttributeValue("id", "");
            var cls = n.GetAttributeValue("class", "");
            path.Add(n.Name + (id.Length > 0 ? "#" + id : "") + (cls.Length > 0 ? "." + cls.Replace(' ', '.') : ""));
        }

        path.Reverse();
        return string.Join(" > ", path.TakeLast(4));
    }
}
