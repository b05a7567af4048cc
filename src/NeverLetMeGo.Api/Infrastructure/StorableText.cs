namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>Text PostgreSQL can store: no NUL, no unpaired UTF-16 surrogate (neither has a UTF-8 form the server accepts).</summary>
internal static class StorableText
{
    public const string Detail = "contains a character that cannot be stored (NUL or an unpaired surrogate).";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
                return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
            }
        }
        return true;
    }
}
