using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>Small text helpers over HtmlAgilityPack nodes that decode entities and skip non-rendered content.</summary>
internal static class HtmlText
{
    /// <summary>The rendered text of a (small) subtree, whitespace-normalised; scripts, styles and images contribute nothing.</summary>
    public static string Of(HtmlNode node)
    {
        var buffer = new TextBuffer();
        Append(node, buffer, 0);
        return buffer.Take();
    }

    private static void Append(HtmlNode node, TextBuffer buffer, int depth)
    {
        if (depth > HtmlLoader.MaxDepth)
        {
            return;
        }

        if (node.NodeType == HtmlNodeType.Text)
        {
            buffer.AppendHtmlText(Raw((HtmlTextNode)node), inLink: false);
            return;
        }

        if (node.NodeType != HtmlNodeType.Element && node.NodeType != HtmlNodeType.Document)
        {
            return;
        }

        if (HtmlNames.Dropped.Contains(node.Name))
        {
            return;
        }

        var block = node.NodeType == HtmlNodeType.Element && !HtmlNames.Inline.Contains(node.Name);
        if (block || node.Name == "br")
        {
            buffer.AppendSpace();
        }

        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            Append(child, buffer, depth + 1);
        }

        if (block)
        {
            buffer.AppendSpace();
        }
    }

    /// <summary>
    /// The text node's source text, entities still encoded, without allocating: HtmlAgilityPack copies a substring on
    /// every read of <see cref="HtmlTextNode.Text"/>, and extraction reads every text node more than once.
    /// </summary>
    public static ReadOnlySpan<char> Raw(HtmlTextNode node)
    {
        var source = node.OwnerDocument?.Text;
        var start = node.OuterStartIndex;
        var length = node.OuterLength;
        return source is not null && start >= 0 && length >= 0 && start + length <= source.Length
            ? source.AsSpan(start, length)
            : node.Text;
    }

    /// <summary>Elements of the subtree in document order, not descending into nodes for which <paramref name="prune"/> holds.</summary>
    public static IEnumerable<HtmlNode> Elements(HtmlNode root, Func<HtmlNode, bool>? prune = null)
    {
        var stack = new Stack<HtmlNode>();
        for (var i = root.ChildNodes.Count - 1; i >= 0; i--)
        {
            stack.Push(root.ChildNodes[i]);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.NodeType != HtmlNodeType.Element || HtmlNames.Dropped.Contains(node.Name))
            {
                continue;
            }

            if (prune?.Invoke(node) == true)
            {
                continue;
            }

            yield return node;
            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                stack.Push(node.ChildNodes[i]);
            }
        }
    }
}
