using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Ratings;

/// <summary>
/// The verdict some sites print at the end of a review's headline ("Never Let Me Go review – a quiet heartbreak ★★★★☆",
/// "Never Let Me Go (4/5)", "… review: 8/10", "… | 3.5 stars"): the headline's last part, after a dash, bar, colon or
/// opening parenthesis, when that part is the rating and nothing else. A rating inside the headline's words ("Why 8/10
/// is the new 10") is not one.
/// </summary>
internal static partial class HeadlineRating
{
    public static Rating? Find(string? headline) =>
        string.IsNullOrWhiteSpace(headline) || headline.Length > 300 ? null : Closing(headline)?.Rating;

    /// <summary>The headline without its closing rating, or the headline itself when it ends in none.</summary>
    public static string WithoutRating(string headline) => Closing(headline) is { } closing ? headline[..closing.Index].TrimEnd() : headline;

    // Where the closing rating starts, and what it reads as.
    private static (int Index, Rating Rating)? Closing(string headline)
    {
        var match = TailPart().Match(headline);
        return match.Success && RatingParser.Find(match.Groups["tail"].Value) is { Strength: 3 } found ? (match.Index, found.Rating) : null;
    }

    // The last part after a separator, or a closing run of star glyphs: "… – ★★★★☆", "… (4/5)", "…: 8/10", "… | 3.5 stars".
    [GeneratedRegex(@"(?:\s+[\u2013\u2014|-]\s+|:\s+|\s*\(|\s+(?=[\u2605\u2606\u00BD]))(?<tail>[^\u2013\u2014|:()]{1,24}?)\)?\s*$")]
    private static partial Regex TailPart();
}
