using System.Globalization;
using System.Text.Json;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>
/// Field-by-field accuracy of the metadata against a gold file (one JSON object per line: file, url, title, author,
/// publishedAt, siteName, language, work, rating), each page processed as if fetched from its gold url.
/// </summary>
internal static class MetadataAccuracy
{
    private static readonly string[] Fields = ["url", "title", "author", "publishedAt", "siteName", "language", "work", "rating"];

    public static int Run(TextWriter output, string goldPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(goldPath))!;
        var right = Fields.ToDictionary(f => f, _ => 0);
        var misses = new List<string>();
        var pages = 0;
        foreach (var line in File.ReadLines(goldPath).Where(l => l.Trim().Length > 0))
        {
            using var gold = JsonDocument.Parse(line);
            var g = gold.RootElement;
            var file = g.GetProperty("file").GetString()!;
            pages++;
            Review review;
            try
            {
                review = ReviewPipeline.Process(File.ReadAllText(Path.Combine(folder, file)), new Uri(g.GetProperty("url").GetString()!));
            }
            catch (ExtractionException e)
            {
                // A page that fails extraction gets no field right.
                misses.Add($"  {Path.GetFileName(file)}: failed, {e.Message}");
                continue;
            }

            foreach (var field in Fields)
            {
                var (ok, got) = Check(field, g.GetProperty(field), review);
                if (ok)
                {
                    right[field]++;
                }
                else
                {
                    misses.Add($"  {Path.GetFileName(file)} {field}: expected {g.GetProperty(field)}, got {got ?? "null"}");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages} pages with gold metadata ({goldPath})"));
        output.WriteLine("| field | correct | accuracy |");
        output.WriteLine("|---|---|---|");
        foreach (var field in Fields)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {field} | {right[field]}/{pages} | {100.0 * right[field] / pages:0.0}% |"));
        }

        var total = right.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all fields | {total}/{pages * Fields.Length} | {100.0 * total / (pages * Fields.Length):0.0}% |"));
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        return 0;
    }

    private static (bool Ok, string? Got) Check(string field, JsonElement expected, Review review)
    {
        var want = expected.ValueKind == JsonValueKind.Null ? null : expected.ToString();
        switch (field)
        {
            case "publishedAt":
                var at = review.PublishedAt;
                var text = at?.ToString("O", CultureInfo.InvariantCulture);
                if (want is null || at is null)
                {
                    return (want is null && at is null, text);
                }

                // A gold date without a time of day is right when the page's own calendar date matches it.
                return want.Contains('T', StringComparison.Ordinal)
                    ? (DateTimeOffset.Parse(want, CultureInfo.InvariantCulture) == at, text)
                    : (DateOnly.Parse(want, CultureInfo.InvariantCulture) == DateOnly.FromDateTime(at.Value.DateTime), text);
            case "rating":
                var normalized = review.Rating?.Normalized;
                return (want is null ? normalized is null : normalized is { } n && Math.Abs(n - expected.GetDouble()) < 0.5,
                    normalized?.ToString(CultureInfo.InvariantCulture));
            default:
                var got = field switch
                {
                    "url" => review.Url,
                    "title" => review.Title,
                    "author" => review.Author,
                    "siteName" => review.SiteName,
                    "language" => review.Language,
                    "work" => review.Work.Title,
                    _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
                };
                return (string.Equals(want, got, field == "work" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal), got);
        }
    }
}
