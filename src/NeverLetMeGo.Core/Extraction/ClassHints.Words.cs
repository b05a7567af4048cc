using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>How a class name or id is put in the words the rules are written in, before they judge it.</summary>
internal static partial class ClassHints
{
    // French, Spanish/Portuguese, Italian and German names for a comment thread and for one comment.
    private static readonly FrozenDictionary<string, string> CommentNouns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["commentaires"] = "comments", ["commentaire"] = "comment",
        ["comentarios"] = "comments", ["comentario"] = "comment",
        ["commenti"] = "comments", ["commento"] = "comment",
        ["kommentare"] = "comments", ["kommentar"] = "comment",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // German writes the thread's part as one word with the noun.
    private static readonly FrozenDictionary<string, string[]> CommentCompounds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["kommentarbereich"] = ["kommentar", "bereich"], ["kommentarliste"] = ["kommentar", "liste"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The words that name a part of a comment or of its thread, in those languages and in English.
    private static readonly FrozenDictionary<string, string> CommentParts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["auteur"] = "author", ["autor"] = "author", ["autore"] = "author", ["author"] = "author",
        ["texte"] = "text", ["texto"] = "text", ["testo"] = "text", ["text"] = "text",
        ["contenu"] = "content", ["contenido"] = "content", ["conteudo"] = "content", ["contenuto"] = "content", ["inhalt"] = "content", ["content"] = "content",
        ["date"] = "date", ["fecha"] = "date", ["data"] = "date", ["datum"] = "date",
        ["liste"] = "list", ["lista"] = "list", ["list"] = "list",
        ["zone"] = "area", ["zona"] = "area", ["bereich"] = "area", ["area"] = "area",
        ["bloc"] = "block", ["bloque"] = "block", ["bloco"] = "block", ["blocco"] = "block", ["block"] = "block",
        ["section"] = "section", ["seccion"] = "section", ["secao"] = "section", ["sezione"] = "section",
        ["meta"] = "meta", ["body"] = "body", ["header"] = "header", ["footer"] = "footer", ["avatar"] = "avatar",
        ["wrap"] = "wrap", ["wrapper"] = "wrapper", ["container"] = "container",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = Set("de", "du", "des", "del", "do", "da", "dos", "das", "di", "dei", "della", "dello");

    /// <summary>A lower-case name as the rules read it: a foreign comment name in English (<see cref="ForeignComment"/>).</summary>
    internal static string Normalize(string lower) => ForeignComment(lower) ?? lower;

    /// <summary>
    /// "staticStars" → "static-Stars", "ReviewBody_text__3kx9Q" → "Review-Body_text__3kx9Q" (the same string when nothing
    /// is cut): the rules match words, and lower-casing "commentList" would hide its "comment". Only a part made wholly
    /// of words of three letters or more is cut: generated names ("hJpRRP", "liWXlp", a CSS-modules hash) are random
    /// letters, and cut apart they would spell words by chance ("zAd" → "ad"); short prefixes ("nmWidgetList", "atTop")
    /// stay as they were, and so does a name with any character but letters, digits, "-" and "_".
    /// </summary>
    internal static string SplitCamelCase(string name)
    {
        // Atomic CSS ("Tsh(discussionTextShadow)", "Mstart(82px)!--modalFloatingCloseBtn") names a style, not a role.
        if (!name.AsSpan().ContainsAnyInRange('A', 'Z') || name.AsSpan().ContainsAnyExcept(NamePart))
        {
            return name;
        }

        return CamelWords().Replace(name, part => CamelBoundary().Replace(part.Value, "-"));
    }

    private static readonly System.Buffers.SearchValues<char> NamePart =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    // A part between separators that is camelCase or PascalCase words of three letters or more, and nothing else.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:[a-z]{3,}|[A-Z][a-z]{2,})(?:[A-Z][a-z]{2,})+(?![A-Za-z0-9])")]
    private static partial Regex CamelWords();

    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])")]
    private static partial Regex CamelBoundary();

    /// <summary>
    /// "commentaires" → "comments", "auteur-commentaire" → "comment-author", "liste-des-commentaires" → "comment-list",
    /// "kommentar-0000" → "comment-0000"; null when the name holds no foreign comment noun or holds a word that names no
    /// part of a comment ("kommentarfunktion-deaktiviert", "commentaires-fermes"): such names stay as they are, still
    /// comment-related by their stem (<see cref="CommentWord"/>) but never a thread or an item.
    /// </summary>
    private static string? ForeignComment(string name)
    {
        if (!name.Contains("comment", StringComparison.Ordinal) && !name.Contains("coment", StringComparison.Ordinal) && !name.Contains("kommentar", StringComparison.Ordinal))
        {
            return null;
        }

        string? noun = null;
        var parts = new List<string>();
        foreach (var word in name.Split('-', '_').SelectMany(w => CommentCompounds.TryGetValue(w, out var split) ? split : [w]))
        {
            if (noun is null && CommentNouns.TryGetValue(word, out var english))
            {
                noun = english;
            }
            else if (CommentParts.TryGetValue(word, out var part))
            {
                parts.Add(part);
            }
            else if (word.Length > 0 && word.All(char.IsAsciiDigit))
            {
                parts.Add(word);
            }
            else if (!Particles.Contains(word))
            {
                return null;
            }
        }

        // English puts the noun first ("comment-author", "comment-list"), as the rules expect; a part makes it singular.
        return noun is null ? null : parts.Count == 0 ? noun : "comment-" + string.Join('-', parts);
    }
}
