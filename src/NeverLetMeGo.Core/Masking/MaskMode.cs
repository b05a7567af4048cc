namespace NeverLetMeGo.Core.Masking;

/// <summary>
/// How a hidden block is shown: left out of the list, kept with a null text (the default), kept with one fixed
/// placeholder, or kept with a null text and its parts (<see cref="Sentences"/>: the sentences this reader may see, and
/// one hidden part for each run of sentences they may not). No mode says anything about the hidden text's length.
/// </summary>
public enum MaskMode
{
    Placeholder = 0,
    Omit = 1,
    Redact = 2,
    Sentences = 3,
}

public static class MaskModes
{
    public const string Allowed = "omit, placeholder, redact, sentences";

    /// <summary>The one text every redacted block gets, whatever it hides: a constant cannot leak a length.</summary>
    public const string RedactedText = "[spoiler redacted]";

    public static bool TryParse(string? value, out MaskMode mode)
    {
        mode = MaskMode.Placeholder;
        switch (value?.ToLowerInvariant())
        {
            case null or "" or "placeholder":
                return true;
            case "omit":
                mode = MaskMode.Omit;
                return true;
            case "redact":
                mode = MaskMode.Redact;
                return true;
            case "sentences":
                mode = MaskMode.Sentences;
                return true;
            default:
                return false;
        }
    }

    public static string ToWireName(this MaskMode mode) => mode switch
    {
        MaskMode.Omit => "omit",
        MaskMode.Redact => "redact",
        MaskMode.Sentences => "sentences",
        _ => "placeholder",
    };
}
