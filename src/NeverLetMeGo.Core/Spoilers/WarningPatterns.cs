using System.Buffers;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>An author's spoiler warning. <see cref="PremiseOnly"/>: it only warns about the premise; <see cref="NamesBreak"/>: it points past a read-more break.</summary>
internal sealed record WarningMatch(bool PremiseOnly, bool NamesBreak);

/// <summary>
/// Recognises authors' spoiler warnings ("Spoiler alert!", "spoilers ahead", "contains major spoilers", "there are spoilers
/// after the break", "[spoilers]", "don't read on if…", "you have been warned"), end markers ("end of spoilers"), and
/// statements that a text is spoiler-free, which are never warnings.
/// </summary>
internal static partial class WarningPatterns
{
    public static WarningMatch? Classify(string text)
    {
        if (!MightWarn(text))
        {
            return null;
        }

        var t = Normalize(text);
        if (SpoilerFree().IsMatch(t) || !Warning().IsMatch(t))
        {
            return null;
        }

        var premiseOnly = Premise().IsMatch(t) && !BeyondPremise().IsMatch(t);
        return new WarningMatch(premiseOnly, AfterBreak().IsMatch(t));
    }

    /// <summary>Cheap first test: false means the text is neither a warning nor a spoiler-free statement.</summary>
    public static bool MightWarn(ReadOnlySpan<char> text) =>
        // One vectorised multi-substring search first (ignoring case, ordinal ignore-case Contains is scalar in invariant
        // globalization mode): every MayWarn alternative contains one of these words.
        text.ContainsAny(Keywords) && MayWarn().IsMatch(text);

    /// <summary>"This review is spoiler-free", "I won't spoil it": the author promises to reveal nothing.</summary>
    public static bool IsSpoilerFreeStatement(ReadOnlySpan<char> text) =>
        MightWarn(text) && SpoilerFree().IsMatch(Normalize(text.ToString()));

    public static bool IsEndMarker(string text) =>
        text.AsSpan().ContainsAny(Spoil) && EndMarker().IsMatch(Normalize(text));

    private static readonly SearchValues<string> Keywords = SearchValues.Create(["spoil", "read", "warned", "risk", "haven", "have not"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> Spoil = SearchValues.Create(["spoil"], StringComparison.OrdinalIgnoreCase);

    // Curly apostrophes and dashes vary by blog engine; the patterns are written with plain ones.
    private static string Normalize(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-');

    [GeneratedRegex(@"spoil|read\s+(?:on|further|ahead|any\s+further)|been\s+warned|own\s+risk|stop\s+reading|\bif\s+you\s+(?:haven'?t|have\s+not)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MayWarn();

    [GeneratedRegex(
        @"(?<!\b(?:a|the|my|this|that|any|no|your|his|her|their|our)\s+)\bspoiler\s+alert"
        + @"|\bspoilers?\s+(?:ahead|below|follow|after\s+the\s+(?:break|jump|fold|cut)|beyond\s+this\s+point|from\s+here|throughout|galore|inside|within|included)"
        + @"|(?<!\bno\s+)\bspoiler\s+warning"
        + @"|\b(?:contains?|containing|includes?|including|has|have|with|discuss(?:es|ing)?|reveals?)\s+(?:(?:some|major|minor|mild|heavy|plot|big|massive|serious|a\s+few|lots\s+of|many|several|potential|possible)\s+)*spoilers\b"
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
        + @"|\bif\s+you\s+(?:haven'?t|have\s+not)\s+(?:yet\s+|already\s+)?(?:seen|watched|read|finished|played)\b[^.!?]{0,80}?\b(?:stop|first|look\s+away|skip|turn\s+back|beware|go\s+(?:and\s+)?(?:see|watch|read))\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Warning();

    [GeneratedRegex(
        @"\bspoiler[-\s]?free\b|\bno\s+(?:\w+\s+)?spoilers?\b|\bwithout\s+(?:any\s+)?(?:\w+\s+)?spoil|\bnon[-\s]?spoiler|\bspoiler[-\s]?less\b"
        + @"|\bwon'?t\s+spoil|\bwill\s+not\s+spoil|\bavoid(?:ing)?\s+(?:any\s+)?(?:\w+\s+)?spoilers|\bnot\s+(?:to\s+)?spoil\b|\bzero\s+spoilers",
        RegexOptions.IgnoreCase)]
    private static partial Regex SpoilerFree();

    [GeneratedRegex(@"\bpremise\b|\bset-?up\b|\bfirst\s+act\b|\bbasic\s+plot\b", RegexOptions.IgnoreCase)]
    private static partial Regex Premise();

    [GeneratedRegex(@"\bend(?:ing|s)?\b|\btwists?\b|\bmajor\b|\bwhole\s+(?:plot|story)\b|\bevery(?:thing)?\b|\bclimax\b|\bfinale\b|\breveals?\b|\bdeaths?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BeyondPremise();

    [GeneratedRegex(@"\b(?:after|past|beyond|below|under)\s+the\s+(?:break|jump|fold|cut)\b|\bread\s+more\b", RegexOptions.IgnoreCase)]
    private static partial Regex AfterBreak();

    [GeneratedRegex(
        @"\bend\s+(?:of\s+(?:the\s+)?)?spoilers?\b|\bspoilers?\s+(?:end\s+here|end|over|are\s+over|done)\b|\bspoiler[-\s]?free\s+from\s+here|(?:^|[\s\[(])/\s*spoilers?\b|\bno\s+more\s+spoilers\b|\bspoilers?\s+finished\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex EndMarker();
}
