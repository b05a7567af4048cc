namespace NeverLetMeGo.Core.Model;

/// <summary>The film or book a review is about, as the page names it.</summary>
public sealed record WorkRef(string Title);
