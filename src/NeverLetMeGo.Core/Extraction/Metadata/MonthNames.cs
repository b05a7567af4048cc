using System.Collections.Frozen;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// Month names as review sites in the languages we read print them (English is read by its first three letters in
/// <see cref="DateParser"/>). Unaccented spellings are listed too: templates and slugs often drop the accents.
/// </summary>
internal static class MonthNames
{
    private static readonly string[][] Languages =
    [
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
    ];

    private static readonly (string Name, int Month)[] Variants =
    [
        ("fevrier", 2), ("aout", 8), ("decembre", 12), ("setiembre", 9), ("marco", 3), ("jänner", 1), ("maerz", 3), ("marz", 3),
    ];

    /// <summary>Every spelling, lower-case, with its month number (1–12).</summary>
    public static readonly FrozenDictionary<string, int> All = Build();

    private static FrozenDictionary<string, int> Build()
    {
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            for (var i = 0; i < language.Length; i++)
            {
                // Languages share names ("agosto", "mai"): the same month each time, so the first entry stands.
                all.TryAdd(language[i], i + 1);
            }
        }

        foreach (var (name, month) in Variants)
        {
            all.TryAdd(name, month);
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
