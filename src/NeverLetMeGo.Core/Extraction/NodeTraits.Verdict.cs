using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

internal static partial class NodeTraits
{
    /// <summary>
    /// A review's verdict box ("verdict", "review-summary", "bottom-line", "pros-cons", "final-thoughts"): review sites
    /// set the summing-up, the pros and cons and the score apart from the body, often in an &lt;aside&gt; beside it, but
    /// it is the reviewer's own text and where the score is printed.
    /// </summary>
    public static bool IsVerdictBox(HtmlNode node) =>
        node.NodeType == HtmlNodeType.Element
        && (VerdictName().IsMatch(Classes(node)) || VerdictName().IsMatch(node.GetAttributeValue("id", string.Empty)));

    [GeneratedRegex(@"(?:^|[\s_-])(?:verdict|review[-_]?summary|bottom[-_]?line|pros[-_]?(?:and[-_]?)?cons|final[-_]?thoughts|review[-_]?conclusion)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictName();
}
