using System.Text.RegularExpressions;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// How a page marks text as a spoiler: by class or id (<see cref="ClassHints"/>), a data-spoiler attribute, an aria-label
/// that names the element a spoiler, a &lt;spoiler&gt; element, a &lt;details&gt; whose summary says spoiler, or a reveal
/// control ("Show spoiler") that wraps the hidden text. Warnings about spoilers ("spoiler-warning", "Spoiler alert") are
/// not marks: they are text the reader must see, read by the tagger as warnings.
/// </summary>
internal static partial class NodeTraits
{
    /// <summary>True when the element is a spoiler container.</summary>
    public static bool IsSpoilerMarkup(HtmlNode node, ClassVerdict verdict)
    {
        if (verdict.Has(ClassSignal.Spoiler))
        {
            return true;
        }

        var name = node.Name;
        if (name == "spoiler" || IsInvisibleInk(node))
        {
            return true;
        }

        if (name != "details")
        {
            return false;
        }

        // A <details> the author folded away under "Spoilers", or under what it holds: "Who did it?", "What happens at the
        // end", "The twist (click to open)".
        var summary = node.Element("summary");
        return summary is not null && (summary.InnerText.Contains("spoiler", StringComparison.OrdinalIgnoreCase) || FoldedReveal().IsMatch(summary.InnerText));
    }

    [GeneratedRegex(@"\b(?:(?:the\s+)?(?:ending|twist|finale|reveal|solution|culprit|killer)\b|who\s+(?:did\s+it|dies|done\s+it|is\s+the\s+killer)|whodunn?it|what\s+happens(?:\s+at\s+the\s+end)?|how\s+it\s+ends)", RegexOptions.IgnoreCase)]
    private static partial Regex FoldedReveal();

    /// <summary>
    /// A dropped element kept all the same: a &lt;button&gt; that is itself the spoiler ("click to reveal" on the hidden
    /// text); dropped, its text would be lost with it.
    /// </summary>
    public static bool IsKeptControl(HtmlNode node, ClassVerdict verdict) => node.Name == "button" && IsSpoilerMarkup(node, verdict);

    /// <summary>A reveal control: its own text only says to show the spoiler, and the spoiler is in its child elements.</summary>
    public static bool IsRevealToggle(HtmlNode node)
    {
        if (!node.HasChildNodes)
        {
            return false;
        }

        var content = false;
        var children = node.ChildNodes;
        for (var i = 0; i < children.Count && !content; i++)
        {
            content = children[i].NodeType == HtmlNodeType.Element && children[i].Name != "br";
        }

        return content && OwnTextSaysSpoil(node) && RevealLabel().IsMatch(OwnText(node));
    }

    /// <summary>
    /// A control that only shows or hides a spoiler and holds nothing else: Goodreads' "(view spoiler)" before the hidden
    /// text and "(hide spoiler)" at its end. Its label is interface, not the reviewer's words.
    /// </summary>
    public static bool IsSpoilerControlLabel(HtmlNode node)
    {
        if (node.Name is not ("a" or "button" or "span") || node.ChildNodes.Count != 1 || !OwnTextSaysSpoil(node))
            return false;
        var label = OwnText(node);
        return label.Length <= 40 && (RevealLabel().IsMatch(label) || HideLabel().IsMatch(label));
    }

    /// <summary>The element's own text (not its child elements') holds "spoil": the cheap first test for a label or a badge.</summary>
    public static bool OwnTextSaysSpoil(HtmlNode node)
    {
        if (!node.HasChildNodes)
        {
            return false;
        }

        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].NodeType == HtmlNodeType.Text && HtmlText.Raw((HtmlTextNode)children[i]).ContainsAny(WarningPatterns.Spoil))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element's own text, without its child elements' (a toggle's label without the spoiler it wraps).</summary>
    public static string OwnText(HtmlNode node)
    {
        var buffer = TextBuffer.Rent();
        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.NodeType == HtmlNodeType.Text)
            {
                buffer.AppendHtmlText(HtmlText.Raw((HtmlTextNode)child), inLink: false);
                buffer.AppendSpace();
            }
        }

        return buffer.TakeAndReturn();
    }

    // data-spoiler, data-spoiler="true", data-spoiler-text: the attribute's name read like a class name (so
    // data-spoiler-toggle and data-spoiler-free are not marks), unless its value says no.
    // aria-label="Spoiler" or "Reveal spoiler" on the element whose text is hidden (Discord's reveal spans).
    private static bool MarksSpoiler(in ElementAttributes attributes)
    {
        if (attributes.DataSpoiler is { } data && ClassHints.OfClasses(data.Name.AsSpan(5)).Has(ClassSignal.Spoiler)
            && !FalseValue().IsMatch(ValueOf(data)))
        {
            return true;
        }

        return attributes.AriaLabel is { } ariaLabel && ValueOf(ariaLabel) is var label && label.ContainsAny(WarningPatterns.Spoil) && SpoilerName().IsMatch(label);
    }

    /// <summary>
    /// Text written in the page's own colour, for the reader to select ("Highlight to read: &lt;span
    /// style="color:#fff;background:#fff"&gt;…", &lt;font color="white"&gt;): the author hid it as old blogs and forums hide
    /// spoilers. White text on a coloured background (a badge) is not hidden.
    /// </summary>
    private static bool IsInvisibleInk(HtmlNode node)
    {
        if (!node.HasAttributes)
        {
            return false;
        }

        bool hidden;
        if (node.Name == "font")
        {
            hidden = IsWhite(node.GetAttributeValue("color", null));
        }
        else if (node.Attributes["style"]?.Value is { } style && style.Contains("color", StringComparison.OrdinalIgnoreCase)
            && InkColour().Match(style) is { Success: true } ink)
        {
            var paper = PaperColour().Match(style);
            hidden = paper.Success ? Colour(ink.Groups["c"].Value) == Colour(paper.Groups["c"].Value) : IsWhite(ink.Groups["c"].Value);
        }
        else
        {
            return false;
        }

        // Something to read: a white dot or space that only spaces out the layout hides nothing.
        return hidden && InkWords().Count(HtmlText.Of(node)) >= 3;
    }

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex InkWords();

    private static bool IsWhite(string? colour) => Colour(colour) is "white" or "#fff" or "#ffffff" or "rgb(255,255,255)";

    private static string Colour(string? colour) => string.Concat((colour ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant().Replace("!important", string.Empty, StringComparison.Ordinal);

    // The text's colour ("color: #fff"), not a background's or a border's.
    [GeneratedRegex(@"(?<![\w-])color\s*:\s*(?<c>[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex InkColour();

    [GeneratedRegex(@"(?<![\w-])background(?:-color)?\s*:\s*(?<c>#[0-9a-f]{3,8}|rgba?\([^)]*\)|[a-z]+)\s*(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex PaperColour();

    [GeneratedRegex(@"^\s*(?:false|0|no|off|none)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FalseValue();

    // "Spoiler", "spoiler text", "hidden spoiler", "Reveal spoiler"; not "Spoiler warning", "No spoilers", "Contains spoilers".
    [GeneratedRegex(@"^\W*(?:(?:(?:click|tap|press)\s+(?:here\s+)?to\s+)?(?:show|reveal|view|see|unhide|display|open|expand|toggle)\s+(?:the\s+|this\s+)?)?(?:hidden\s+)?spoilers?(?:\s+(?:text|content))?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex SpoilerName();

    // "Show spoiler", "Click to reveal spoiler", "Spoiler (click to show)", "Spoiler: tap to reveal". A bare "Spoiler" or
    // "Spoilers:" in front of text is an author's label, read by the tagger as a warning with its payload.
    [GeneratedRegex(@"^\W*(?:(?:click|tap|press)\s+(?:here\s+)?to\s+)?(?:show|reveal|view|see|unhide|display|open|expand|toggle|show\s*/\s*hide)\s+(?:the\s+|this\s+)?spoilers?\W*$|^\W*spoilers?\W+(?:(?:click|tap|press)\s+(?:here\s+)?to\s+)?(?:show|reveal|view|see|unhide|display|open|expand)(?:\s+it)?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex RevealLabel();

    [GeneratedRegex(@"^\W*(?:hide|close|collapse|conceal)\s+(?:the\s+|this\s+)?spoilers?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex HideLabel();
}
