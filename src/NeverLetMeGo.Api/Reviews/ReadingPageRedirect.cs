using Microsoft.AspNetCore.Http.HttpResults;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>
/// A person who opens a review's HTML in a browser tab is sent to the reading page for that review: the fragment is markup
/// for a page to insert, with no styles or scripts of its own (the Content-Security-Policy would not run inline ones), so
/// on its own its reveal buttons could do nothing. fetch() and curl do not navigate, and still get the fragment.
/// </summary>
internal static class ReadingPageRedirect
{
    public static bool IsNavigation(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.Ordinal)
        && string.Equals(request.Headers["Sec-Fetch-Dest"], "document", StringComparison.Ordinal);

    public static RedirectHttpResult To(long id) => TypedResults.Redirect($"/?review={id}");
}
