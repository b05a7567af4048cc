using System.Globalization;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Comments;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>Prints the best-scored containers of one page, the roots the article extractor keeps and the blocks they give, to see why a page goes wrong.</summary>
internal static class CandidateDump
{
    public static void Write(TextWriter output, string html, string? probe = null)
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

        // --probe TEXT: every element around that text, with its class verdict and whether scoring kept it; then how many
        // blocks each child of the roots gives (where did a paragraph go?).
        if (!string.IsNullOrEmpty(probe))
        {
            foreach (var t in body.Descendants().Where(n => n.NodeType == HtmlNodeType.Text && n.InnerText.Contains(probe, StringComparison.Ordinal)))
            {
                for (var n = t.ParentNode; n is not null && n != body; n = n.ParentNode)
                {
                    var v = NodeTraits.Verdict(n, hints);
                    output.WriteLine($"probe: {n.Name}.{n.GetAttributeValue("class", "")} signals={v.Signals} weight={v.Weight} scored={analyzer.Stats.ContainsKey(n)}");
                }
            }
        }

        output.WriteLine("roots:");
        var roots = ArticleExtractor.ChooseRoots(body, analyzer.Stats) ?? [FallbackText.Region(body, analyzer.Stats)];
        foreach (var root in roots)
        {
            output.WriteLine($"  {Describe(root)}");
        }

        if (!string.IsNullOrEmpty(probe))
        {
            foreach (var child in roots.SelectMany(r => r.ChildNodes).Where(c => c.NodeType == HtmlNodeType.Element))
            {
                output.WriteLine($"  child {child.Name}.{child.GetAttributeValue("class", "")}: {new BlockEmitter(hints, analyzer.Stats).Emit([child]).Blocks.Count} blocks");
            }
        }

        var text = new BlockEmitter(hints, analyzer.Stats).Emit(roots);
        output.WriteLine($"blocks: {text.Blocks.Count}");
        foreach (var block in text.Blocks)
        {
            output.WriteLine($"  {block.Kind,-9} {(block.Text.Length > 100 ? block.Text[..100] + "…" : block.Text)}");
        }
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
