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
        ["after the author's spoiler warning"] = "after the author's spoiler warning",
        ["after the author's warning that the premise is revealed"] = "after the author's warning that the premise is revealed",
        ["author spoiler warning"] = "author spoiler warning",
        ["reveals the ending"] = "reveals the ending",
        [ReaderReports] = ReaderReports,
        [Operator] = Operator,
        [QuotesSpoiler] = QuotesSpoiler,
    };

    /// <summary>"major spoiler: after the author's spoiler warning"; null for a plain block.</summary>
    public static string? Describe(SpoilerLevel level, bool warning, IEnumerable<string> reasons)
    {
        var known = reasons.Select(r => Known.GetValueOrDefault(r)).FirstOrDefault(r => r is not null);
        if (level == SpoilerLevel.None)
        {
            return warning ? "author spoiler warning" : null;
        }

        var label = Label(level);
        return known is null ? label : $"{label}: {known}";
    }

    /// <summary>"Spoiler (major)": what a reveal control says, never more.</summary>
    public static string Label(SpoilerLevel level) => level == SpoilerLevel.Premise ? "premise spoiler" : "major spoiler";
}
