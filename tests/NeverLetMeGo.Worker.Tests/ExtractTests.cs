using System.Text.Json;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>`nlmg extract` on the fixture pages: the documented JSON shape, no database involved.</summary>
public sealed class ExtractTests
{
    private static readonly string[] Kinds = ["heading", "paragraph", "listItem", "quote"];
    private static readonly string[] Levels = ["none", "premise", "major"];

    public static TheoryData<string> Samples() => [.. SamplePages.All.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Extract_json_prints_the_documented_shape(string sample)
    {
        using var json = await ExtractJsonAsync(SamplePages.PathOf(sample));
        var root = json.RootElement;

        // The page's canonical URL when it names one, else where it was read from.
        Assert.True(Uri.TryCreate(root.GetProperty("url").GetString(), UriKind.Absolute, out _), root.GetProperty("url").ToString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        AssertStringOrNull(root.GetProperty("author"));
        AssertTimeOrNull(root.GetProperty("publishedAt"));
        AssertStringOrNull(root.GetProperty("siteName"));
        AssertStringOrNull(root.GetProperty("language"));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("work").GetProperty("title").GetString()));
        AssertRatingShape(root.GetProperty("rating"));

        var blocks = root.GetProperty("blocks");
        Assert.True(blocks.GetArrayLength() >= 3, $"{sample} has only {blocks.GetArrayLength()} blocks");
        AssertBlocks(blocks);
        var anyTagged = blocks.EnumerateArray().Any(b => b.GetProperty("spoiler").GetProperty("level").GetString() != "none");
        Assert.Equal(anyTagged, root.GetProperty("containsSpoilers").GetBoolean());

        var comments = root.GetProperty("comments").EnumerateArray().ToList();
        var ids = comments.Select(c => c.GetProperty("id").GetString()).ToHashSet();
        foreach (var comment in comments)
        {
            Assert.False(string.IsNullOrEmpty(comment.GetProperty("id").GetString()));
            var parent = comment.GetProperty("parentId");
            if (parent.ValueKind != JsonValueKind.Null)
                Assert.Contains(parent.GetString(), ids);
            AssertStringOrNull(comment.GetProperty("author"));
            AssertTimeOrNull(comment.GetProperty("publishedAt"));
            AssertBlocks(comment.GetProperty("blocks"));
        }
    }

    [Fact]
    public async Task The_long_story_short_review_is_rated_3_of_4_stars()
    {
        var page = Assert.Single(SamplePages.All, p => File.ReadAllText(p).Contains("Long story short", StringComparison.OrdinalIgnoreCase));

        using var json = await ExtractJsonAsync(page);
        var rating = json.RootElement.GetProperty("rating");

        Assert.Equal(3, rating.GetProperty("value").GetDouble());
        Assert.Equal(4, rating.GetProperty("scale").GetDouble());
        Assert.Equal(75, rating.GetProperty("normalized").GetDouble());
        Assert.Contains("3/4", rating.GetProperty("raw").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_text_never_appears_among_the_article_blocks()
    {
        var commentCount = 0;
        foreach (var page in SamplePages.All)
        {
            using var json = await ExtractJsonAsync(page);
            var article = json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToHashSet();
            foreach (var comment in json.RootElement.GetProperty("comments").EnumerateArray())
            {
                commentCount++;
                foreach (var block in comment.GetProperty("blocks").EnumerateArray())
                    Assert.DoesNotContain(block.GetProperty("text").GetString(), article);
            }
        }
        Assert.True(commentCount > 0, "the sample pages should carry comment threads");
    }

    [Fact]
    public async Task Extract_fetches_a_url_and_prints_the_same_review_as_from_the_file()
    {
        await using var site = await SampleSite.StartAsync();
        var page = SamplePages.All[0];
        var url = site.Url(Path.GetFileName(page)).AbsoluteUri;

        using var fromFile = await ExtractJsonAsync(page);
        using var fromUrl = await ExtractJsonAsync(url);

        // A canonical link on another host is not trusted over HTTP: the review keeps the URL it was fetched from.
        Assert.Equal(url, fromUrl.RootElement.GetProperty("url").GetString());
        Assert.Equal(Texts(fromFile), Texts(fromUrl));
        Assert.Contains(site.Requests, r => r.Path == new Uri(url).AbsolutePath);
    }

    [Fact]
    public async Task Extract_without_json_prints_a_readable_summary_with_each_block_tag()
    {
        var page = Assert.Single(SamplePages.All, p => File.ReadAllText(p).Contains("spoilers after the break", StringComparison.OrdinalIgnoreCase));

        var result = await Nlmg.RunAsync("extract", page);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutLines, l => l.StartsWith("Title:", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("Work:", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("Comments:", StringComparison.Ordinal));
        // The author's warning is flagged, and the text after the break is tagged as a spoiler.
        var warning = result.OutLines.ToList().FindIndex(l => l.Contains(" warning ", StringComparison.Ordinal));
        Assert.True(warning >= 0, result.Out);
        Assert.Contains(result.OutLines.Skip(warning + 1), l => l.Contains(" major ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_of_a_missing_file_fails_with_the_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nlmg-{Guid.NewGuid():N}.html");

        var result = await Nlmg.RunAsync("extract", path, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains($"no such file: {path}", result.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> ExtractJsonAsync(string fileOrUrl)
    {
        var result = await Nlmg.RunAsync("extract", fileOrUrl, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Out);
    }

    private static List<string?> Texts(JsonDocument json) =>
        [.. json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString())];

    private static void AssertBlocks(JsonElement blocks)
    {
        var expectedIndex = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            Assert.Equal(expectedIndex++, block.GetProperty("index").GetInt32());
            Assert.Contains(block.GetProperty("kind").GetString(), Kinds);
            Assert.False(string.IsNullOrWhiteSpace(block.GetProperty("text").GetString()));
            var spoiler = block.GetProperty("spoiler");
            Assert.Contains(spoiler.GetProperty("level").GetString(), Levels);
            Assert.True(spoiler.GetProperty("warning").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.InRange(spoiler.GetProperty("score").GetDouble(), 0, 1);
            Assert.All(spoiler.GetProperty("reasons").EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.ValueKind));
        }
    }

    private static void AssertRatingShape(JsonElement rating)
    {
        if (rating.ValueKind == JsonValueKind.Null)
            return;
        Assert.False(string.IsNullOrWhiteSpace(rating.GetProperty("raw").GetString()));
        var value = rating.GetProperty("value").GetDouble();
        var scale = rating.GetProperty("scale").GetDouble();
        Assert.InRange(value, 0, scale);
        Assert.Equal(100 * value / scale, rating.GetProperty("normalized").GetDouble(), 0.5);
    }

    private static void AssertStringOrNull(JsonElement element) =>
        Assert.True(element.ValueKind is JsonValueKind.String or JsonValueKind.Null, $"expected a string or null, got {element.ValueKind}");

    private static void AssertTimeOrNull(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
            return;
        Assert.True(DateTimeOffset.TryParse(element.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _), $"not ISO 8601: {element}");
    }
}
