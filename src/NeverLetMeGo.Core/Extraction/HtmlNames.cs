using System.Collections.Frozen;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>How the extractor treats each HTML element name.</summary>
internal static class HtmlNames
{
    /// <summary>Never content: dropped with everything inside, before looking further.</summary>
    public static readonly FrozenSet<string> Dropped = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object", "embed", "applet",
        "param", "canvas", "map", "button", "select", "option", "input", "textarea", "link", "meta", "head", "title",
        "audio", "video", "source", "track", "picture", "dialog", "datalist", "progress", "meter",
    ], StringComparer.Ordinal);

    /// <summary>Page furniture by meaning; dropped unless they turn out to hold the article.</summary>
    public static readonly FrozenSet<string> Furniture = FrozenSet.ToFrozenSet(
        ["nav", "header", "footer", "aside", "form", "menu", "fieldset", "legend"], StringComparer.Ordinal);

    /// <summary>Phrasing elements: their text joins the surrounding paragraph.</summary>
    public static readonly FrozenSet<string> Inline = FrozenSet.ToFrozenSet(
    [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "var", "wbr", "img", "br", "output",
        // Dropped unless they hold a spoiler (NodeTraits.IsKeptControl); a forum's <spoiler> is a custom element, which
        // browsers render inline.
        "button", "spoiler",
    ], StringComparer.Ordinal);

    public static bool IsHeading(string name) =>
        name.Length == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}
