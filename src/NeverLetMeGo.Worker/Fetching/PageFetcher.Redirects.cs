using System.Net;

namespace NeverLetMeGo.Worker.Fetching;

public sealed partial class PageFetcher
{
    private static readonly HashSet<HttpStatusCode> RedirectStatuses =
    [
        HttpStatusCode.MultipleChoices, HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther,
        HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect,
    ];

    /// <summary>One request's answer: where it redirects to, or what <c>read</c> made of it.</summary>
    private readonly record struct Hop<T>(Uri? RedirectTo, T Value);

    /// <summary>
    /// GETs <paramref name="url"/> and follows redirects ourselves rather than in the handler, so that every hop passes
    /// the gate (robots.txt and the budget of the hop's own host), at most Scraper:MaxRedirects of them and never the
    /// same URL twice. Each hop has its own deadline: waiting for a host's turn is not fetching.
    /// </summary>
    private async Task<T> FollowAsync<T>(
        Uri url,
        IRequestGate? gate,
        Action<HttpRequestMessage> prepare,
        Func<HttpResponseMessage, Uri, CancellationToken, Task<T>> read,
        CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            seen.Add(current.AbsoluteUri);
            var turn = gate is null ? null : await EnterAsync(gate, current, redirected: redirects > 0, ct);
            TimeSpan? retryAfter = null;
            try
            {
                var hop = await HopAsync(current, prepare, read, ct);
                if (hop.RedirectTo is not { } next)
                    return hop.Value;
                current = CheckRedirect(current, next, redirects, seen);
            }
            catch (FetchException ex)
            {
                retryAfter = ex.RetryAfter;
                throw;
            }
            finally
            {
                if (turn is not null)
                    await turn.ReleaseAsync(retryAfter);
            }
        }
    }

    private static async Task<IRequestTurn> EnterAsync(IRequestGate gate, Uri url, bool redirected, CancellationToken ct)
    {
        try
        {
            return await gate.EnterAsync(url, ct);
        }
        catch (FetchException ex) when (redirected)
        {
            // The operator queued another URL: say where the refusal happened.
            throw new FetchException($"redirected to {url}, {ex.Message}", ex) { Kind = ex.Kind, Permanent = ex.Permanent, RetryAfter = ex.RetryAfter };
        }
    }

    private async Task<Hop<T>> HopAsync<T>(Uri url, Action<HttpRequestMessage> prepare, Func<HttpResponseMessage, Uri, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        // Our own deadline rather than HttpClient.Timeout: it covers the body too and tells a timeout from a cancel.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            await TargetCheckAsync(url, deadline.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            prepare(request);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (RedirectStatuses.Contains(response.StatusCode) && response.Headers.Location is { } location)
                return new Hop<T>(location.IsAbsoluteUri ? location : new Uri(url, location), default!);
            return new Hop<T>(null, await read(response, url, deadline.Token));
        }
        catch (Exception ex) when (Translate(ex, ct) is { } failure)
        {
            throw failure;
        }
    }

    private Uri CheckRedirect(Uri from, Uri to, int redirectsSoFar, HashSet<string> seen)
    {
        if (to.Scheme != Uri.UriSchemeHttp && to.Scheme != Uri.UriSchemeHttps)
            throw new FetchException($"redirected to {to}, which is not an http(s) URL") { Kind = "bad_redirect", Permanent = true };
        var target = new UriBuilder(to) { Fragment = string.Empty }.Uri;
        if (seen.Contains(target.AbsoluteUri))
            throw new FetchException($"redirect loop: {from} redirects back to {target}") { Kind = "redirect_loop", Permanent = true };
        if (redirectsSoFar >= _options.MaxRedirects)
            throw new FetchException($"too many redirects (more than {_options.MaxRedirects})") { Kind = "too_many_redirects" };
        return target;
    }
}
