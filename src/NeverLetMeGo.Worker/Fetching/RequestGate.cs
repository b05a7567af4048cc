namespace NeverLetMeGo.Worker.Fetching;

/// <summary>
/// Asked before every request the fetcher sends, each redirect hop included: may this URL be fetched (robots.txt), and
/// waits for its host's turn. A refusal is a <see cref="FetchException"/>.
/// </summary>
internal interface IRequestGate
{
    Task<IRequestTurn> EnterAsync(Uri url, CancellationToken ct);
}

/// <summary>A host held for one request; released with the server's Retry-After, when it sent one.</summary>
internal interface IRequestTurn
{
    Task ReleaseAsync(TimeSpan? retryAfter);
}
