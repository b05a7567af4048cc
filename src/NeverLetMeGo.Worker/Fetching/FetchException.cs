namespace NeverLetMeGo.Worker.Fetching;

/// <summary>A page that could not be fetched; <see cref="Exception.Message"/> is the reason shown to the operator.</summary>
public sealed class FetchException(string reason, Exception? inner = null) : Exception(reason, inner);
