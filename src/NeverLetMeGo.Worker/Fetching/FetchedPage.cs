namespace NeverLetMeGo.Worker.Fetching;

/// <summary>A decoded HTML page. <see cref="Url"/> is where it was finally found (after redirects; file: for local files).</summary>
public sealed record FetchedPage(Uri Url, string Html, string Charset, long Bytes);
