namespace NeverLetMeGo.Core.Model;

/// <summary>The public spelling of <see cref="SpoilerLevel"/> (none|premise|major), the same as the JSON enum converter writes.</summary>
public static class SpoilerLevels
{
    public static string ToWireName(this SpoilerLevel level) => level switch
    {
        SpoilerLevel.Premise => "premise",
        SpoilerLevel.Major => "major",
        _ => "none",
    };

    /// <summary>Exact (ordinal) match of a wire name; callers that accept any case lower-case first.</summary>
    public static bool TryParse(string? value, out SpoilerLevel level)
    {
        switch (value)
        {
            case "none":
                level = SpoilerLevel.None;
                return true;
            case "premise":
                level = SpoilerLevel.Premise;
                return true;
            case "major":
                level = SpoilerLevel.Major;
                return true;
            default:
                level = SpoilerLevel.None;
                return false;
        }
    }
}
