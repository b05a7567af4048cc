using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

/// <summary>
/// The property: over many generated reviews, no surface (JSON in each mask mode, HTML, excerpts in lists, feeds, search
/// snippets, cards, comments, single blocks, errors) shows a hidden block's text, or any 8-word run of it, to a reader
/// whose tolerance hides it.
/// </summary>
public sealed partial class LeakTests(ApiServer api) : IClassFixture<ApiServer>
{
    private const int Reviews = 30;
    private const int RunLength = 8;

    [Fact]
    public async Task No_surface_shows_hidden_text_at_the_tolerance_that_hides_it()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("NLMG_LEAK_SEED"), out var s) ? s : 20261121;
        var generator = new GeneratedReviews(seed);
        var work = $"Leak Work {seed} {Guid.NewGuid():N}";
        var stored = new List<(long Id, Review Review)>();
        for (var n = 0; n < Reviews; n++)
        {
            var review = generator.Next(work, n);
            stored.Add(((await TestReviews.SaveAsync(api.Db, review)).ReviewId, review));
        }

        var workId = (await api.GetAsync($"/reviews/{stored[0].Id}")).Json.GetProperty("review").GetProperty("workId").GetInt64();
        var checks = 0;
        foreach (var tolerance in new[] { "none", "premise" })
        {
            var allHidden = stored.SelectMany(r => Hidden(r.Review, tolerance)).ToList();
            // Lists, feeds and cards promise the excerpt only: every spoiler of every review counts there, whatever the tolerance.
            var everySpoiler = stored.SelectMany(r => Hidden(r.Review, "none")).ToList();
            foreach (var path in new[] { $"/works/{workId}/reviews?limit=100", $"/works/{workId}/reviews?limit=100&sort=rating", $"/works/{workId}/feed.atom", "/feed.atom", "/works?limit=100" })
            {
                checks += await CheckAsync(path, everySpoiler, seed);
            }

            foreach (var (id, review) in stored)
            {
                var hidden = Hidden(review, tolerance);
                foreach (var mask in new[] { "omit", "placeholder", "redact" })
                {
                    checks += await CheckAsync($"/reviews/{id}?spoilers={tolerance}&mask={mask}", hidden, seed);
                    checks += await CheckAsync($"/reviews/{id}/comments?spoilers={tolerance}&mask={mask}", hidden, seed);
                }

                // Sentence by sentence: the opinion of a mixed block may show, none of its hidden sentences may.
                var hiddenSentences = HiddenSentences(review, tolerance);
                checks += await CheckAsync($"/reviews/{id}?spoilers={tolerance}&mask=sentences", hiddenSentences, seed);
                checks += await CheckAsync($"/reviews/{id}/comments?spoilers={tolerance}&mask=sentences", hidden, seed);
                checks += await CheckAsync($"/reviews/{id}?spoilers={tolerance}&mask=sentences&format=html", hiddenSentences, seed);
                checks += await CheckAsync($"/reviews/{id}/html?spoilers={tolerance}&mask=sentences", hiddenSentences, seed);

                checks += await CheckAsync($"/reviews/{id}?spoilers={tolerance}&format=html", hidden, seed);
                checks += await CheckAsync($"/reviews/{id}/html?spoilers={tolerance}", hidden, seed);
                checks += await CheckAsync($"/reviews/{id}/card", Hidden(review, "none"), seed);
                checks += await CheckAsync($"/reviews/{id}?spoilers={tolerance}&mask=bogus", hidden, seed);
                foreach (var block in review.Blocks.Where(b => !SpoilerMask.IsVisible(b, Tolerance(tolerance))))
                {
                    checks += await CheckAsync($"/reviews/{id}/blocks/{block.Index}?spoilers={tolerance}", hidden, seed);
                    var words = block.Text.Split(' ');
                    checks += await CheckAsync($"/search?spoilers={tolerance}&limit=100&q={Uri.EscapeDataString(words[0] + " " + words[1])}", allHidden, seed);
                }
            }

            checks += await CheckAsync($"/search?spoilers={tolerance}&limit=100&q=film", allHidden, seed);

            // Later search pages come through a cursor: every page is checked, and the ratings carry no text.
            var page = $"/search?spoilers={tolerance}&limit=5&q=film";
            while (page is not null)
            {
                checks += await CheckAsync(page, allHidden, seed);
                var cursor = (await api.GetAsync(page)).Json.GetProperty("next").GetString();
                page = cursor is null ? null : $"/search?spoilers={tolerance}&limit=5&q=film&cursor={Uri.EscapeDataString(cursor)}";
            }

            checks += await CheckAsync($"/works/{workId}/rating", everySpoiler, seed);
            checks += await CheckAsync($"/works/{workId}/rating/contributions?limit=100", everySpoiler, seed);
        }

        Assert.True(checks > 500, $"only {checks} responses were checked");
    }

    /// <summary>Texts a reader at this tolerance must not see: review blocks above it, and the tagged spoiler comments.</summary>
    private static List<string> Hidden(Review review, string tolerance)
    {
        var t = Tolerance(tolerance);
        return
        [
            .. review.Blocks.Where(b => !SpoilerMask.IsVisible(b, t)).Select(b => b.Text),
            .. review.Comments.SelectMany(c => c.Blocks).Where(b => !SpoilerMask.IsVisible(b, t)).Select(b => b.Text),
        ];
    }

    /// <summary>
    /// With mask=sentences: of each hidden review block, its sentences above the tolerance (the whole text when it has no
    /// sentences); hidden comment blocks whole.
    /// </summary>
    private static List<string> HiddenSentences(Review review, string tolerance)
    {
        var t = Tolerance(tolerance);
        return
        [
            .. review.Blocks.Where(b => !SpoilerMask.IsVisible(b, t)).SelectMany(b => b.Sentences.Count == 0
                ? [b.Text]
                : b.Sentences.Where(s => !t.Allows(s.Level)).Select(s => b.Text[s.Start..s.End])),
            .. review.Comments.SelectMany(c => c.Blocks).Where(b => !SpoilerMask.IsVisible(b, t)).Select(b => b.Text),
        ];
    }

    private static SpoilerTolerance Tolerance(string name) => SpoilerTolerances.TryParse(name, out var t) ? t : throw new ArgumentException(name);

    private async Task<int> CheckAsync(string path, IReadOnlyList<string> hidden, int seed)
    {
        var response = await api.GetAsync(path);
        Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {response.Status}");
        var text = Readable(response);
        var shown = SafeText.Runs(SafeText.Words(text), RunLength).ToHashSet(StringComparer.Ordinal);
        foreach (var secret in hidden)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"seed {seed}: {path} shows a hidden block whole");
            var leaked = SafeText.Runs(SafeText.Words(secret), RunLength).FirstOrDefault(shown.Contains);
            Assert.True(leaked is null, $"seed {seed}: {path} shows \"{leaked}\" from a hidden block");
        }

        return 1;
    }

    /// <summary>What a reader could read: JSON string values, or markup with tags removed and entities decoded.</summary>
    private static string Readable(ApiResponse response)
    {
        var raw = response.ContentType is "application/json" or "application/problem+json" ? JsonStrings(response.Json) : response.Body;
        return WebUtility.HtmlDecode(Tag().Replace(raw, " "));
    }

    private static string JsonStrings(JsonElement element)
    {
        var text = new StringBuilder();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    text.Append(e.GetString()).Append('\n');
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
            }
        }

        Walk(element);
        return text.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
