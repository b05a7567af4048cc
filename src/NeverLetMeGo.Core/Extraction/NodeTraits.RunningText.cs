using HtmlAgilityPack;

namespace NeverLetMeGo.Core.Extraction;

internal static partial class NodeTraits
{
    /// <summary>
    /// A phrase element whose sentence runs on either side of it: its words are the sentence's, whatever its class says.
    /// A study text's notes hang on words of the story (&lt;a class="popup"&gt;rather elderly&lt;/a&gt;), and dropping them
    /// by the class left "am a man. The nature of my for the last thirty years".
    /// </summary>
    public static bool InRunningText(HtmlNode node, string name) =>
        HtmlNames.Inline.Contains(name) && (HasWords(node.PreviousSibling) || HasWords(node.NextSibling));

    private static bool HasWords(HtmlNode? sibling)
    {
        if (sibling is not { NodeType: HtmlNodeType.Text })
        {
            return false;
        }

        var text = HtmlText.Raw((HtmlTextNode)sibling);
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c) && ++letters >= 2)
            {
                return true;
            }
        }

        return false;
    }
}
