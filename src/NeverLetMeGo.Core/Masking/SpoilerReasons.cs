using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>
/// The fixed vocabulary of reasons a reader sees. Stored reasons are mapped onto it and anything unknown is dropped, so a
/// reason can never carry page text, whoever wrote it into the database.
/// </summary>
public static class SpoilerReasons
{
    public const string ReaderReports = "reported by readers";
    public const string Operator = "set by an operator";
    public const string QuotesSpoiler = "quotes a spoiler comment";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["marked as spoiler in the page"] = "marked as a spoiler by the page",
        ["part marked as spoiler in the page"] = "marked as a spoiler by the page",
        ["after the author's spoiler warning"] = "after the author's spoiler warning",
        ["after the author's warning that the premise is revealed"] = "after the author's warning that the premise is revealed",
        ["author spoiler warning"] = "author spoiler warning",
        ["in a section that retells the story"] = "in a section that retells the story",
        ["in a section that sets out the premise"] = "in a section that sets out the premise",
        ["reveals the ending"] = "reveals the ending",
        [ReaderReports] = ReaderReports,
        [Operator] = Operator,
        [QuotesSpoiler] = QuotesSpoiler,
    };

    /// <summary>"major spoiler: after the author's spoiler warning"; null for a plain block.</summary>
    public static string? Describe(SpoilerLevel level, bool warning, IEnumerable<string> reasons)
    {
        var known = reasons.Select(Map).FirstOrDefault(r => r is not null);
        if (level == SpoilerLevel.None)
        {
            return warning ? "author spoiler warning" : null;
        }

        var label = Label(level);
        return known is null ? label : $"{label}: {known}";
    }

    // The content signals' reasons in words a reader can follow. A term's reason names the term, which is the spoiler
    // itself ("mentions 'Rosebud', …"): only that an operator named one is told. A model reason is rebuilt from its number,
    // so nothing but "model: 0.00"–"model: 1.00" can pass.
    private static string? Map(string reason)
    {
        if (Known.TryGetValue(reason, out var known))
            return known;
        if (reason.StartsWith("mentions '", StringComparison.Ordinal) && reason.EndsWith(" plot term for this work", StringComparison.Ordinal))
            return "mentions a plot term named for this work";
        if (reason.StartsWith("model: ", StringComparison.Ordinal)
            && double.TryParse(reason.AsSpan(7), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var score)
            && score is >= 0 and <= 1)
            return "model: " + score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>"Spoiler (major)": what a reveal control says, never more.</summary>
    public static string Label(SpoilerLevel level) => level == SpoilerLevel.Premise ? "premise spoiler" : "major spoiler";
}
