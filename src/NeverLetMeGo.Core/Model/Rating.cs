namespace NeverLetMeGo.Core.Model;

/// <summary>A rating as written (<see cref="Raw"/>, e.g. "3/4 stars") and its value on its own scale and on 0–100.</summary>
public sealed record Rating(string Raw, double Value, double Scale, double Normalized);
