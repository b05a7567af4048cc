using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Ingestion;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Api.Tests;

/// <summary>The sample corpus through the real pipeline and the real API: what a new user sees first.</summary>
public sealed class SampleReviewsTests(ApiServer api) : IClassFixture<ApiServer>
{
    private async Task<List<JsonElement>> SampleReviewsAsync()
    {
        await SampleCorpus.ImportOnceAsync(api.Db, SamplePages.Directory, NullLogger.Instance, CancellationToken.None);
        var works = (await api.GetAsync("/works")).Json.GetProperty("items").EnumerateArray().ToList();
        var work = Assert.Single(works, w => w.GetProperty("title").GetString() == "Never Let Me Go");
        Assert.Equal(4, work.GetProperty("reviewCount").GetInt32());
        var list = await api.GetAsync($"/works/{work.GetProperty("id").GetInt64()}/reviews");
        var reviews = new List<JsonElement>();
        foreach (var item in list.Json.GetProperty("items").EnumerateArray())
        {
            reviews.Add((await api.GetAsync($"/reviews/{item.GetProperty("id").GetInt64()}?spoilers=all")).Json);
        }

        return reviews;
    }

    [Fact]
    public async Task Jump_break_review_shows_its_warning_and_hides_every_later_paragraph()
    {
        var reviews = await SampleReviewsAsync();
        var full = Assert.Single(reviews, r => r.GetProperty("blocks").EnumerateArray()
            .Any(b => b.GetProperty("text").GetString()!.Contains("there are spoilers after the break", StringComparison.Ordinal)));
        var id = full.GetProperty("review").GetProperty("id").GetInt64();
        var warningIndex = full.GetProperty("blocks").EnumerateArray()
            .First(b => b.GetProperty("text").GetString()!.Contains("spoilers after the break", StringComparison.Ordinal)).GetProperty("index").GetInt32();

        var masked = await api.GetAsync($"/reviews/{id}");

        Assert.Equal(HttpStatusCode.OK, masked.Status);
        var blocks = masked.Json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.True(blocks[warningIndex].GetProperty("warning").GetBoolean());
        Assert.False(blocks[warningIndex].GetProperty("hidden").GetBoolean());
        var later = blocks.Skip(warningIndex + 1).ToList();
        Assert.True(later.Count >= 5);
        Assert.All(later, b => Assert.True(b.GetProperty("hidden").GetBoolean()));
        Assert.All(later, b => Assert.Equal(JsonValueKind.Null, b.GetProperty("text").ValueKind));
        Assert.DoesNotContain("complete", masked.Body, StringComparison.Ordinal);
        Assert.All(full.GetProperty("blocks").EnumerateArray().Skip(warningIndex + 1), b => Assert.False(b.GetProperty("hidden").GetBoolean()));
        Assert.Contains("rather ‘complete,’", full.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_story_short_review_is_rated_three_of_four()
    {
        var reviews = await SampleReviewsAsync();

        var rated = Assert.Single(reviews, r => r.GetProperty("review").GetProperty("rating").ValueKind == JsonValueKind.Object);
        var rating = rated.GetProperty("review").GetProperty("rating");
        Assert.Equal(3, rating.GetProperty("value").GetDouble());
        Assert.Equal(4, rating.GetProperty("scale").GetDouble());
        Assert.Equal(75, rating.GetProperty("normalized").GetDouble());
    }
}
