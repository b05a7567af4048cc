using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Masking;

/// <summary>How much a reader is willing to see. The default everywhere is <see cref="None"/>: hide premise and major.</summary>
public enum SpoilerTolerance
{
    None = 0,
    Premise = 1,
    All = 2,
}

public static class SpoilerTolerances
{
    public const string Allowed = "none, premise, all";

    /// <summary>Parses the public spelling (none|premise|all, any case); null or empty means the safe default.</summary>
    public static bool TryParse(string? value, out SpoilerTolerance tolerance)
    {
        tolerance = SpoilerTolerance.None;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        switch (value.ToLowerInvariant())
        {
            case "none":
                return true;
            case "premise":
                tolerance = SpoilerTolerance.Premise;
                return true;
            case "all":
                tolerance = SpoilerTolerance.All;
                return true;
            default:
                return false;
        }
    }

    public static string ToWireName(this SpoilerTolerance tolerance) => tolerance switch
    {
        SpoilerTolerance.Premise => "premise",
        SpoilerTolerance.All => "all",
        _ => "none",
    };

    /// <summary>True when a block at this level may be shown to a reader with this tolerance.</summary>
    public static bool Allows(this SpoilerTolerance tolerance, SpoilerLevel level)
        => tolerance == SpoilerTolerance.All || (int)level <= (int)tolerance;
}
