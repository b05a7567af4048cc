using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction.Comments;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// One pre-order walk over the whole page for the metadata scan and the comment finder: each element is reached once and
/// judged once (its class verdict), and each of the two reads what it needs from it. The scoring pass cannot join them:
/// it runs after the comment threads the finder found have left the page.
/// </summary>
internal sealed class PageWalk
{
    private readonly PageSignals _signals;
    private readonly ClassHintCache _hints;
    private readonly CommentExtractor? _comments;
    private readonly HtmlNode? _body;
    private bool _bodyReached;

    private PageWalk(PageSignals signals, ClassHintCache hints, CommentExtractor? comments, HtmlNode? body)
    {
        _signals = signals;
        _hints = hints;
        _comments = comments;
        _body = body;
    }

    /// <summary>
    /// Collects the page's metadata signals and, when <paramref name="comments"/> is given, lets it find the comment markup
    /// under <paramref name="body"/> (the comment threads are then read with <see cref="CommentExtractor.Finish"/>).
    /// </summary>
    public static PageSignals Run(HtmlDocument document, ClassHintCache hints, CommentExtractor? comments, HtmlNode? body)
    {
        var signals = PageScanner.Begin(document);
        var walk = new PageWalk(signals, hints, comments, body);
        var root = document.DocumentNode;
        walk._bodyReached = comments is null || body == root;
        walk.Visit(root, default, scanning: comments is not null && body == root, default, depth: 0);
        if (!walk._bodyReached && body is not null)
        {
            // The body sits inside an element the metadata scan does not enter (a stray <body> in a <noscript>).
            comments!.Scan(body);
        }

        return signals;
    }

    // scanning: inside the body and outside never-content elements, where the comment finder sees the children.
    private void Visit(HtmlNode node, PageScanner.WalkState meta, bool scanning, CommentExtractor.ScanState scan, int depth)
    {
        if (depth > HtmlLoader.MaxDepth)
        {
            throw new ExtractionException($"nesting deeper than {HtmlLoader.MaxDepth} levels");
        }

        var level = default(CommentExtractor.ScanLevel);
        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.NodeType != HtmlNodeType.Element || PageScanner.ReadLeaf(child, _signals, meta))
            {
                continue;
            }

            var verdict = NodeTraits.Verdict(child, _hints);
            var childMeta = PageScanner.Enter(child, verdict, _signals, meta);
            var childScanning = false;
            var childScan = default(CommentExtractor.ScanState);
            if (scanning)
            {
                if (!HtmlNames.Dropped.Contains(child.Name))
                {
                    childScanning = true;
                    childScan = _comments!.Enter(child, verdict, scan, ref level);
                }
            }
            else if (child == _body)
            {
                // The comment finder starts below the body, as a walk of its own from the body would.
                _bodyReached = childScanning = true;
            }

            Visit(child, childMeta, childScanning, childScan, depth + 1);
        }
    }
}
