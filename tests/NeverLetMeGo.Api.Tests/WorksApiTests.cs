using System.Net;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

public sealed class WorksApiTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static string UniqueWork() => "Work " + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Work_reviews_page_through_every_review_once_newest_first()
    {
        var work = UniqueWork();
        var saved = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            // Two undated reviews sort last; the others are a day apart.
            DateTimeOffset? when = i < 5 ? new DateTimeOffset(2011, 1, 1 + i, 0, 0, 0, TimeSpan.Zero) : null;
            var review = TestReviews.Tagged($"https://paging.example/{Guid.NewGuid():N}", work) with { PublishedAt = when };
            saved.Add((await TestReviews.SaveAsync(api.Db, review)).ReviewId);
        }

        var workId = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://paging.example/{Guid.NewGuid():N}", work))).WorkId;
        var seen = new List<long>();
        var dates = new List<DateTimeOffset?>();
        string? path = $"/works/{workId}/reviews?limit=3";
        while (path is not null)
        {
            var page = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            foreach (var item in page.Json.GetProperty("items").EnumerateArray())
            {
                seen.Add(item.GetProperty("id").GetInt64());
                var at = item.GetProperty("publishedAt");
                dates.Add(at.ValueKind == System.Text.Json.JsonValueKind.Null ? null : at.GetDateTimeOffset());
                Assert.False(item.TryGetProperty("blocks", out _));
            }

            var next = page.Json.GetProperty("next");
            if (next.ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.Null(page.Link);
                path = null;
            }
            else
            {
                Assert.Contains("rel=\"next\"", page.Link, StringComparison.Ordinal);
                path = $"/works/{workId}/reviews?limit=3&cursor={Uri.EscapeDataString(next.GetString()!)}";
            }
        }

        Assert.Equal(8, seen.Count);
        Assert.Equal(8, seen.Distinct().Count());
        Assert.Contains(saved[0], seen);
        var dated = dates.TakeWhile(d => d is not null).ToList();
        Assert.Equal(dated.OrderByDescending(d => d).ToList(), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.Null(d));
    }

    [Fact]
    public async Task Work_rating_averages_normalized_ratings_and_leaves_unrated_reviews_out()
    {
        var work = UniqueWork();
        Rating?[] ratings = [new Rating("3/4 stars", 3, 4, 75), new Rating("4/5", 4, 5, 80), new Rating("C", 65, 100, 65), null];
        long workId = 0;
        foreach (var rating in ratings)
        {
            workId = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://rated.example/{Guid.NewGuid():N}", work, rating))).WorkId;
        }

        var response = await api.GetAsync($"/works/{workId}/rating");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var aggregate = response.Json;
        Assert.Equal(3, aggregate.GetProperty("count").GetInt32());
        Assert.Equal(1, aggregate.GetProperty("unrated").GetInt32());
        Assert.Equal(73.33, aggregate.GetProperty("mean").GetDouble(), 2);
        Assert.Equal(75, aggregate.GetProperty("median").GetDouble(), 6);
    }

    [Fact]
    public async Task Work_without_ratings_has_no_mean()
    {
        var workId = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://unrated.example/{Guid.NewGuid():N}", UniqueWork()))).WorkId;

        var rating = (await api.GetAsync($"/works/{workId}/rating")).Json;

        Assert.Equal(0, rating.GetProperty("count").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rating.GetProperty("mean").ValueKind);
    }

    [Fact]
    public async Task Works_list_and_single_work_show_review_counts()
    {
        var work = UniqueWork();
        await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://count.example/{Guid.NewGuid():N}", work));
        var workId = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://count.example/{Guid.NewGuid():N}", work))).WorkId;

        var single = (await api.GetAsync($"/works/{workId}")).Json;
        Assert.Equal(work, single.GetProperty("title").GetString());
        Assert.Equal(2, single.GetProperty("reviewCount").GetInt32());

        var found = false;
        string? cursor = null;
        do
        {
            var page = (await api.GetAsync("/works?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).Json;
            found |= page.GetProperty("items").EnumerateArray().Any(w => w.GetProperty("id").GetInt64() == workId);
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null && !found);

        Assert.True(found);
    }

    [Theory]
    [InlineData("/works?limit=0", "limit")]
    [InlineData("/works?limit=101", "limit")]
    [InlineData("/works?cursor=%%%", "cursor")]
    [InlineData("/works?cursor=bm90LWEtbnVtYmVy", "cursor")]
    public async Task Bad_paging_parameters_are_400_problems(string path, string parameter)
    {
        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/works/987654321")]
    [InlineData("/works/987654321/reviews")]
    [InlineData("/works/987654321/rating")]
    public async Task Unknown_work_is_a_404_problem(string path)
    {
        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Work not found", response.Json.GetProperty("title").GetString());
    }
}
