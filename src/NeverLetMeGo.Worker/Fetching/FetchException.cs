namespace NeverLetMeGo.Worker.Fetching;

/// <summary>A page that could not be fetched; <see cref="Exception.Message"/> is the reason shown to the operator.</summary>
public sealed class FetchException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>Short class of the failure (timeout, http_503, too_large, ...): the label of the failure metrics.</summary>
    public string Kind { get; init; } = "fetch";

    /// <summary>Retrying cannot help (a 404, a refused address, a robots.txt Disallow): the job is dead at once.</summary>
    public bool Permanent { get; init; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
