namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// A page's declared language as a BCP 47 tag in its usual casing ("en", "en-GB", "pt-BR", "zh-Hant"): Open Graph's
/// "en_US" and header lists such as "en-US, fr" are read too; anything that is not a tag is no language at all.
/// </summary>
internal static class LanguageTag
{
    public static string? Normalize(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var first = declared.Split(',', 2)[0].Trim().Replace('_', '-');
        var parts = first.Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter) || parts.Skip(1).Any(p => p.Length is < 1 or > 8 || !p.All(char.IsAsciiLetterOrDigit)))
        {
            return null;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i == 0 ? parts[i].ToLowerInvariant()
                : parts[i].Length == 2 && parts[i].All(char.IsAsciiLetter) ? parts[i].ToUpperInvariant()
                : parts[i].Length == 4 && parts[i].All(char.IsAsciiLetter) ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant()
                : parts[i].ToLowerInvariant();
        }

        return string.Join('-', parts);
    }
}
