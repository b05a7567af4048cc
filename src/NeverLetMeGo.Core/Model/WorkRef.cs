using System.Text.Json.Serialization;

namespace NeverLetMeGo.Core.Model;

/// <summary>The film or book a review is about, as the page names it.</summary>
public sealed record WorkRef(string Title)
{
    /// <summary>What a review's work is called when nothing on its page names the work safely.</summary>
    public const string UnknownTitle = "Unknown";

    /// <summary>
    /// False when nothing on the page named the work (no headline, or one that tells the story and names no work inside
    /// it). Such a review is a work of its own: grouped under one "Unknown", unrelated reviews would share a rating, a
    /// vocabulary and spoiler terms; and a film really called "Unknown" is a named work like any other.
    /// </summary>
    [JsonIgnore]
    public bool Named { get; init; } = true;

    /// <summary>The work <paramref name="title"/> names, or an unnamed one when it is null.</summary>
    public static WorkRef Of(string? title) => title is null ? new WorkRef(UnknownTitle) { Named = false } : new WorkRef(title);
}
