namespace NeverLetMeGo.Core.Masking;

/// <summary>
/// How a hidden block is shown: left out of the list, kept with a null text (the default), or kept with one fixed
/// placeholder. No mode says anything about the hidden text's length.
/// </summary>
public enum MaskMode
{
    Placeholder = 0,
    Omit = 1,
    Redact = 2,
}

public static class MaskModes
{
    public const string Allowed = "omit, placeholder, redact";

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
            default:
                return false;
        }
    }

    public static string ToWireName(this MaskMode mode) => mode switch
    {
        MaskMode.Omit => "omit",
        MaskMode.Redact => "redact",
        _ => "placeholder",
    };
}
