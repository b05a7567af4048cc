using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// The page's best text region, for pages where no container reads as an article (forum threads, listings, short
/// pages): from the body down into the child that holds most of the visible prose, as long as that child holds two
/// thirds of it, so that a masthead, a footer or a thin sidebar fall away while a region split in parts is kept whole.
/// </summary>
internal static class FallbackText
{
    private const double RegionShare = 2.0 / 3;

    public static ExtractedText Extract(HtmlNode body, ClassHintCache hints)
    {
        var analyzer = new ContentAnalyzer(hints, lenient: true);
        analyzer.Analyze(body);
        HtmlNode[] region = [Region(body, analyzer.Stats)];
        var text = new BlockEmitter(hints, analyzer.Stats).Emit(region);
        analyzer.Forget();
        return text.Blocks.Count > 0 ? text : new BlockEmitter(hints) { KeepClutter = true }.Emit(region);
    }

    internal static HtmlNode Region(HtmlNode body, IReadOnlyDictionary<HtmlNode, NodeStats> stats)
    {
        var region = body;
        while (stats.TryGetValue(region, out var own) && Prose(own) > 0)
        {
            HtmlNode? best = null;
            var bestProse = 0;
            foreach (var child in region.ChildNodes)
            {
                if (child.NodeType == HtmlNodeType.Element && stats.TryGetValue(child, out var s) && Prose(s) > bestProse)
                {
                    best = child;
                    bestProse = Prose(s);
                }
            }

            if (best is null || bestProse < Prose(own) * RegionShare)
            {
                break;
            }

            region = best;
        }

        return region;
    }

    private static int Prose(NodeStats s) => s.TextLength - s.LinkLength;
}
