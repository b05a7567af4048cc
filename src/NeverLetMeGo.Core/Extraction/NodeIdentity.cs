using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// Reference equality for parsed nodes, hashed by where the node starts in the source. The default identity hash
/// writes a hash code into each object's header on first use, a slow path the per-node tables of one page paid for
/// every element; the source position is already there and nearly unique, and equality stays by reference.
/// </summary>
internal sealed class NodeIdentity : IEqualityComparer<HtmlNode>
{
    public static readonly NodeIdentity Instance = new();

    private NodeIdentity()
    {
    }

    public bool Equals(HtmlNode? x, HtmlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(HtmlNode obj) => obj.StreamPosition;
}
