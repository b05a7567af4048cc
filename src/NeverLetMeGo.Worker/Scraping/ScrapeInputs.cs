using NeverLetMeGo.Batch;

namespace NeverLetMeGo.Worker.Scraping;

internal static class ScrapeInputs
{
    /// <summary>URLs and files as given; a directory becomes its *.html and *.htm files in name order. Missing paths stay, to fail as items.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var expanded = new List<string>();
        foreach (var input in inputs)
        {
            if (!LooksLikeUrl(input) && Directory.Exists(input))
            {
                expanded.AddRange(SavedPages.In(input));
            }
            else
            {
                expanded.Add(input);
            }
        }
        return expanded;
    }

    public static bool LooksLikeUrl(string input) => input.Contains("://", StringComparison.Ordinal);

    public static bool IsHttpUrl(string input, out Uri uri) =>
        Uri.TryCreate(input, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
