namespace NeverLetMeGo.Core;

/// <summary>A page that cannot be turned into a review; the message says why, for the operator.</summary>
public sealed class ExtractionException(string message) : Exception(message);
