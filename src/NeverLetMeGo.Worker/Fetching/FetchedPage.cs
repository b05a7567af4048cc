namespace NeverLetMeGo.Worker.Fetching;

/// <summary>A decoded HTML page. <see cref="Url"/> is where it was finally found (after redirects; file: for local files).</summary>
public sealed record FetchedPage(Uri Url, string Html, string Charset, long Bytes)
{
    /// <summary>The response's validators, for the next conditional GET.</summary>
    public string? ETag { get; init; }

    public string? LastModified { get; init; }
}

/// <summary>Validators from the last fetch of a page; sent as If-None-Match / If-Modified-Since.</summary>
public sealed record PageValidators(string? ETag, string? LastModified);
