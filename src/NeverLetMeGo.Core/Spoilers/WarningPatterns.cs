using System.Buffers;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// An author's spoiler warning. <see cref="PremiseOnly"/>: it only warns about the premise; <see cref="NamesBreak"/>: it
/// points past a read-more break; <see cref="Start"/> and <see cref="End"/>: where the warning's words are in the text, so
/// what the sentence says beside them can be read on its own (<see cref="WarningSentences"/>).
/// </summary>
internal sealed record WarningMatch(bool PremiseOnly, bool NamesBreak, int Start = 0, int End = 0)
{
    /// <summary>The level of what follows the warning: premise when it warns about the premise only, else major.</summary>
    public Model.SpoilerLevel Level => PremiseOnly ? Model.SpoilerLevel.Premise : Model.SpoilerLevel.Major;
}

/// <summary>
/// Recognises authors' spoiler warnings ("Spoiler alert!", "spoilers ahead", "contains major spoilers", "there are spoilers
/// after the break", "[spoilers]", "don't read on if…", "you have been warned"; "Attention, spoilers !" and its kind in
/// five other languages), end markers ("end of spoilers"), and statements that a text is spoiler-free, which are never
/// warnings.
/// </summary>
internal static partial class WarningPatterns
{
    public static WarningMatch? Classify(string text)
    {
        if (!MightWarn(text))
        {
            return null;
        }

        // Normalize replaces characters one for one, so positions in it are positions in the text.
        var t = Normalize(text);
        if (SpoilerFree().IsMatch(t))
        {
            return null;
        }

        var match = Warning().Match(t);
        if (!match.Success)
        {
            return null;
        }

        // The warning's words run to the end of its last phrase: "there are spoilers | after the break" is one warning.
        var end = match.Index + match.Length;
        for (var next = match.NextMatch(); next.Success; next = next.NextMatch())
            end = next.Index + next.Length;
        var afterBreak = AfterBreak().Match(t);
        for (var next = afterBreak; next.Success; next = next.NextMatch())
            end = Math.Max(end, next.Index + next.Length);

        var premiseOnly = Premise().IsMatch(t) && !BeyondPremise().IsMatch(t);
        return new WarningMatch(premiseOnly, afterBreak.Success, match.Index, end);
    }

    /// <summary>Cheap first test: false means the text is neither a warning nor a spoiler-free statement.</summary>
    public static bool MightWarn(ReadOnlySpan<char> text) =>
        // One vectorised multi-substring search first (ignoring case, ordinal ignore-case Contains is scalar in invariant
        // globalization mode): every MayWarn alternative contains one of these words.
        text.ContainsAny(Keywords) && MayWarn().IsMatch(text);

    /// <summary>"This review is spoiler-free", "I won't spoil it": the author promises to reveal nothing.</summary>
    public static bool IsSpoilerFreeStatement(ReadOnlySpan<char> text) =>
        MightWarn(text) && SpoilerFree().IsMatch(Normalize(text.ToString()));

    /// <summary>
    /// The block closes a warned region: an end marker ("end of spoilers"), or a heading that promises what follows is
    /// spoiler-free ("Verdict (spoiler-free)"), as reviews with a spoiler section before their verdict put it.
    /// </summary>
    public static bool EndsRegion(Model.BlockKind kind, string text) =>
        IsEndMarker(text) || kind == Model.BlockKind.Heading && IsSpoilerFreeStatement(text);

    public static bool IsEndMarker(string text) =>
        text.AsSpan().ContainsAny(Spoil) && EndMarker().IsMatch(Normalize(text));

    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["spoil", "read", "warned", "risk", "haven", "have not", "ending", "twist", "finale", "climax", "what happens", "how it ends", "plot detail", "blind", "want to know", "whole plot", "entire plot", "full plot", "whole story", "entire story", "last chance"],
        StringComparison.OrdinalIgnoreCase);
    /// <summary>"spoil" in any case: the word every warning, spoiler mark and spoiler badge holds, found in one vectorised search.</summary>
    internal static readonly SearchValues<string> Spoil = SearchValues.Create(["spoil"], StringComparison.OrdinalIgnoreCase);

    // Curly apostrophes and dashes vary by blog engine; the patterns are written with plain ones.
    private static string Normalize(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-');

    [GeneratedRegex(@"spoil|read\s+(?:on|further|ahead|any\s+further)|been\s+warned|own\s+risk|stop\s+reading|last\s+chance\s+to|\bif\s+you\s+(?:haven'?t|have\s+not|don'?t\s+want|do\s+not\s+want)\b|\b(?:discuss|reveal|giv|talk|go|describ)\w*\s+(?:\w+\s+){0,3}(?:ending|twist|finale|climax|what\s+happens|how\s+it\s+ends|(?:whole|entire|full)\s+(?:plot|story))|(?:plot|ending)\s+(?:(?:and/or|and|or)\s+(?:plot|ending)\s+)?details|in\s+blind", RegexOptions.IgnoreCase)]
    private static partial Regex MayWarn();

    [GeneratedRegex(
        @"(?<!\b(?:a|the|my|this|that|any|no|your|his|her|their|our)\s+)\bspoiler\s+alert(?!s\s+\p{Ll})"
        + @"|\bspoilers?\s+(?:ahead|below|follow|after\s+the\s+(?:break|jump|fold|cut)|beyond\s+this\s+point|from\s+here|throughout|galore|inside|within|included)"
        + @"|(?<!\bno\s+)\bspoiler\s+warning"
        // "This review may contain spoilers": the subject and its "may" are the warning's own words, not something it tells.
        + @"|\b(?:(?:this|the\s+following|my|our)\s+(?:\w+\s+){0,2}(?:review|post|piece|article|essay|video|thread|discussion|write-?up|recap|episode|analysis|page|section|entry|podcast|list|comment|answer|blog|text|newsletter)s?\s+(?:(?:may|might|will|does|do|could|can|probably|definitely|certainly|obviously|likely|also|inevitably)\s+){0,2})?"
        + @"(?:contains?|containing|includes?|including|has|have|with|discuss(?:es|ing)?|reveals?)\s+(?:(?:some|major|minor|mild|heavy|plot|big|massive|serious|a\s+few|lots\s+of|many|several|potential|possible)\s+)*spoilers\b"
        + @"|\b(?:potential|possible)\s+spoilers?\b"
        + @"|\bthere\s+(?:are|will\s+be|may\s+be|might\s+be|be)\s+(?:\w+\s+){0,2}spoilers\b"
        + @"|\[\s*spoilers?\s*\]|\(\s*spoilers?\s*\)"
        + @"|(?:^|[.!:]\s+)\W*(?:major|massive|heavy|huge|big|minor|mild|some|full|serious|plot)\s+spoilers\b"
        + @"|\b(?:major|massive|heavy|huge|minor|mild|full|serious)\s+spoilers\s*(?:ahead|below|follow|[!:\])]|$)"
        + @"|\b(?:do\s*n'?t|do\s+not|please\s+don'?t)\s+read\s+(?:on|further|any\s+further|ahead|this|the\s+rest|beyond)"
        + @"|\bstop\s+reading\s+(?:now|here)|\b(?:you'?ve|you\s+have)\s+been\s+warned|\bread\s+at\s+your\s+own\s+risk"
        + @"|^\W*(?:warning\W+)?spoilers?\b\W*(?:ahead|below)?\W*$"
        + @"|\bspoiler[-\s](?:filled|heavy|laden|ridden|territory|zone)"
        + @"|\bbeware(?:\s+of)?\s+(?:\w+\s+)?spoilers"
        + @"|\bif\s+you\s+(?:haven'?t|have\s+not)\s+(?:yet\s+|already\s+)?(?:seen|watched|read|finished|played)\b[^.!?]{0,80}?\b(?:stop|first|look\s+away|skip|turn\s+back|beware|go\s+(?:and\s+)?(?:see|watch|read)|come\s+back|bookmark|leave\s+now|click\s+away)\b"
        // "Spoilers for the ending follow", "spoilers for the whole season below", "spoilers to follow", "spoilers abound".
        + @"|\bspoilers\s+(?:for|about|of|on)\s+[^.!?]{1,60}?\s(?:ahead|below|follow|to\s+follow|after\s+the\s+(?:break|jump|fold|cut))\b"
        + @"|\bspoilers\s+(?:to\s+follow|abound|aplenty|through\s+(?:episode|chapter|season|book|issue|part|the)\b|up\s+to\s+(?:episode|chapter|season|book|issue|part|the)\b)"
        + @"|\b(?:full\s+of|lots\s+of|plenty\s+of)\s+spoilers\b|\bhere\s+be\s+spoilers\b"
        // "The next part spoils the ending", "spoilers lie ahead", "spoilers in the next paragraph", "your last chance to turn back".
        + @"|\b(?:the\s+next\s+(?:part|paragraphs?|section|bit|few\s+paragraphs)|the\s+following|what\s+follows|everything\s+(?:below|after\s+this))\s+(?:spoils?|gives?\s+away|reveals?)\s+(?:\w+\s+){0,3}(?:ending|twist|finale|climax|everything|plot|story|whole\s+thing)\b"
        + @"|\bspoilers?\s+(?:lie|lies|are|is|will\s+be|be)\s+(?:ahead|below)\b|\bspoilers?\s+in\s+the\s+(?:next|following)\s+(?:paragraphs?|sections?|parts?)\b"
        + @"|\byour\s+last\s+chance\s+to\s+(?:turn\s+back|look\s+away|stop\s+reading|leave|click\s+away)\b"
        // "Kinda spoilery, but…", "a spoiler-y discussion follows"; not "avoid spoilery reviews".
        + @"|\b(?:a\s+(?:bit|little)|kinda|kind\s+of|slightly|somewhat|mildly|very|quite|rather|pretty|gets?|getting|it'?s|this\s+is)\s+spoiler-?y\b|\bspoiler-?y\s+(?:discussion|section|stuff|bits?|part|review|post|talk|thoughts|notes|musings)\s+(?:follows?|ahead|below)\b"
        // A heading or a short line that only names what it spoils: "Spoilers for Dune: Part Two.", "Caution: spoilers."
        + @"|^\W*(?:(?:warning|caution|note|heads\s+up|fair\s+warning|obviously|naturally)\W+)?spoilers\s+(?:for|through|up\s+to)\s+(?![^.!?]*\b(?:is|are|was|were|be|been|has|have|had|can|could|will|would|should|get|got|make|made)\b)[^.!?]{1,60}[.!?]?\W*$"
        + @"|^\W*(?:warning|caution|note|heads\s+up|fair\s+warning|obviously|naturally|also|and|so)\W+spoilers?\W*$"
        // A section named for its spoilers: "Spoiler discussion", "Spoilery thoughts", "The spoiler section", "Now for the
        // spoilers", "Let's talk spoilers".
        + @"|^\W*(?:the\s+|a\s+|some\s+|my\s+|our\s+|full\s+)?spoiler(?:s|y|-?filled|-?heavy)?\s+(?:discussion|section|talk|thoughts|zone|territory|corner|chat|review|analysis|breakdown|recap|edition|ending|part|bit|segment|notes)\W*$"
        + @"|^\W*(?:(?:and\s+)?now|next|finally|onto|on\s+to|time)\s+(?:for\s+|to\s+)?(?:the\s+|some\s+)?spoilers\W*$|^\W*let'?s\s+(?:talk|get\s+into|discuss)\s+(?:about\s+)?(?:the\s+|some\s+)?spoilers\W*$"
        // A label in front of what it warns about: "Spoilers: why Ingrid stays in the lighthouse", "Major spoiler - …".
        + @"|^\W*(?:(?:major|minor|mild|big|huge|massive|full|heavy|plot|ending)\s+)?spoilers?\s*(?::|\s-|\u2013|\u2014)"
        // The review says it will tell: "this review reveals the ending", "the rest of this post discusses the twist",
        // "I'm going to spoil the ending", "major plot details are discussed below". The subject is the review or its author,
        // so "the final scene reveals the twist" (the film's doing) is not a warning.
        + @"|\b(?:this\s+(?:review|post|piece|article|section|essay|write-?up|analysis)|the\s+rest\s+of\s+(?:this|the|my)\s+(?:review|post|piece|article|essay)|what\s+follows|the\s+following|below\s+I|I'?ll|I\s+will|I'?m\s+going\s+to|I\s+am\s+going\s+to|we'?ll|we\s+will|(?:from\s+)?here\s+on,?\s+I)\b[^.!?]{0,40}?\b(?:discuss(?:es|ing)?|reveals?|revealing|gives?\s+away|giving\s+away|talks?\s+about|goes\s+into|go\s+into|describes?|spoil|spoils)\s+(?:\w+\s+){0,3}?(?:ending|twist|finale|climax|what\s+happens|how\s+it\s+ends|(?:whole|entire|full)\s+(?:plot|story))\b"
        + @"|\b(?:plot|ending)(?:\s+(?:and/or|and|or)\s+(?:plot|ending))?\s+details\s+(?:are\s+|will\s+be\s+)?(?:discussed|revealed|ahead|below|follow)"
        + @"|\b(?:stop|skip|look\s+away|turn\s+back)\b[^.!?]{0,60}?\bif\s+you\s+(?:want\s+to\s+go\s+in\s+(?:blind|fresh|cold)|(?:don'?t|do\s+not)\s+want\s+to\s+know|(?:haven'?t|have\s+not)\s+(?:yet\s+)?(?:seen|watched|read|finished|played))"
        + @"|\bif\s+you\s+(?:don'?t|do\s+not)\s+want\s+to\s+know\s+(?:how\s+it\s+ends|what\s+happens|the\s+ending|the\s+twist)"
        // French, Spanish, Portuguese, Italian and German reviews warn with the same word: "Attention, spoilers !",
        // "Alerte spoiler", "¡Alerta de spoiler!", "Este artículo contiene spoilers", "Contém spoilers", "Achtung, Spoiler!",
        // "Spoilerwarnung", "Attenzione: spoiler". The English reader of their text cannot tell a reveal there, so the
        // warning is what protects their readers.
        + @"|\b(?:attention|alerte|avertissement|alerta|atenci[oó]n|aviso|cuidado|aten[cç][aã]o|achtung|vorsicht|warnung|attenzione|allerta|avviso)(?:\s*[,:!\-]\s*|\s+(?:de|du|aux?|di)\s+|\s+)(?:(?:gros|grands?|majeurs?|importants?|grandes?|fuertes?|gro(?:ß|ss)e|massive|grossi)\s+)?spoilers?\b"
        + @"|\bspoilers?[-\s]?(?:alerte|alerta|warnung|alarm|allerta)\b"
        + @"|\b(?:contient|contiennent|r[eé]v[eè]le|contiene|contienen|revela|cont[eé]m|enth[aä]lt|enthalten|verr[aä]t)\s+(?:(?:des|de|quelques|nombreux|gros|algunos|algunas|alguns|muchos|grandes?|einige|viele|massive|dei|degli|alcuni|molti)\s+)*spoilers?\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Warning();

    [GeneratedRegex(
        @"\bspoiler[-\s]?free\b|\bno\s+(?:\w+\s+)?spoilers?\b|\bwithout\s+(?:any\s+)?(?:\w+\s+)?spoil|\bnon[-\s]?spoiler|\bspoiler[-\s]?less\b"
        + @"|\bwon'?t\s+spoil|\bwill\s+not\s+spoil|\bavoid(?:ing)?\s+(?:any\s+)?(?:\w+\s+)?spoilers|\bnot\s+(?:to\s+)?spoil\b|\bzero\s+spoilers"
        // "Sans spoilers", "sin spoilers", "sem spoilers", "senza spoiler", "ohne Spoiler", "spoilerfrei".
        + @"|\b(?:sans|sin|sem|senza|ohne)\s+(?:(?:aucun|ning[uú]n|nenhum|alcuno|jeden)\s+)?spoilers?\b|\bspoiler-?frei\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SpoilerFree();

    [GeneratedRegex(@"\bpremise\b|\bset-?up\b|\bfirst\s+act\b|\bbasic\s+plot\b", RegexOptions.IgnoreCase)]
    private static partial Regex Premise();

    [GeneratedRegex(@"\bend(?:ing|s)?\b|\btwists?\b|\bmajor\b|\bwhole\s+(?:plot|story)\b|\bevery(?:thing)?\b|\bclimax\b|\bfinale\b|\breveals?\b|\bdeaths?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BeyondPremise();

    [GeneratedRegex(@"\b(?:after|past|beyond|below|under)\s+the\s+(?:break|jump|fold|cut)\b|\bread\s+more\b", RegexOptions.IgnoreCase)]
    private static partial Regex AfterBreak();

    [GeneratedRegex(
        @"\bend\s+(?:of\s+(?:the\s+)?)?spoilers?\b|\bspoilers?\s+(?:end\s+here|end|over|are\s+over|done)\b|\bspoiler[-\s]?free\s+from\s+here|(?:^|[\s\[(])/\s*spoilers?\b|\bno\s+more\s+spoilers\b|\bspoilers?\s+finished\b"
        + @"|\bfin\s+(?:des|de\s+los|del)\s+spoilers?\b|\bfim\s+dos\s+spoilers?\b|\bende\s+(?:der|des)\s+spoilers?\b|\bspoiler-?ende\b|\bfine\s+(?:degli|dello|dei)\s+spoiler",
        RegexOptions.IgnoreCase)]
    private static partial Regex EndMarker();
}
