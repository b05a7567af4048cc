using System.Net;
using System.Text.Json;
using NeverLetMeGo.Core.Model;
using Npgsql;

namespace NeverLetMeGo.Api.Tests;

public sealed class WorkRatingTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static readonly Rating[] Ratings =
    [
        new("3/4 stars", 3, 4, 75),
        new("★★★½", 3.5, 5, 70),
        new("B+", 85, 100, 85),
        new("2 out of 10", 2, 10, 20),
        new("100/100", 100, 100, 100),
    ];

    private async Task<(long WorkId, string Work)> SeedAsync()
    {
        var work = $"Rated Work {Guid.NewGuid():N}";
        long workId = 0;
        foreach (var rating in Ratings.Append(null))
        {
            workId = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://rated.example/{Guid.NewGuid():N}", work, rating))).WorkId;
        }

        return (workId, work);
    }

    [Fact]
    public async Task Rating_has_histogram_percent_positive_and_each_rating_as_written_with_its_conversion()
    {
        var (workId, _) = await SeedAsync();

        var rating = (await api.GetAsync($"/works/{workId}/rating")).Json;

        Assert.Equal(5, rating.GetProperty("count").GetInt32());
        Assert.Equal(1, rating.GetProperty("unrated").GetInt32());
        Assert.Equal(70, rating.GetProperty("mean").GetDouble());
        Assert.Equal(75, rating.GetProperty("median").GetDouble());
        Assert.Equal(80, rating.GetProperty("percentPositive").GetDouble());
        var bins = rating.GetProperty("histogram").EnumerateArray().Select(b => b.GetProperty("count").GetInt32()).ToArray();
        Assert.Equal([0, 0, 1, 0, 0, 0, 0, 2, 1, 1], bins);
        var contributions = rating.GetProperty("contributions").EnumerateArray().ToDictionary(c => c.GetProperty("raw").GetString()!, c => c);
        Assert.Equal(75, contributions["3/4 stars"].GetProperty("normalized").GetDouble());
        Assert.Equal("3 ÷ 4 × 100 = 75", contributions["3/4 stars"].GetProperty("conversion").GetString());
        Assert.StartsWith("letter grade B+ = 85", contributions["B+"].GetProperty("conversion").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, contributions.Count);
    }

    [Fact]
    public async Task Aggregate_follows_reviews_as_they_change_and_disappear()
    {
        var (workId, work) = await SeedAsync();
        var url = $"https://rated.example/{Guid.NewGuid():N}";
        var review = TestReviews.Tagged(url, work, new Rating("1/4", 1, 4, 25));
        await TestReviews.SaveAsync(api.Db, review);
        var added = await RatingAsync(workId);

        await TestReviews.SaveAsync(api.Db, review with { Rating = new Rating("4/4", 4, 4, 100), Title = "Changed" });
        var changed = await RatingAsync(workId);

        await using (var delete = api.Db.CreateCommand("delete from reviews where url = $1"))
        {
            delete.Parameters.AddWithValue(url);
            await delete.ExecuteNonQueryAsync();
        }

        var removed = await RatingAsync(workId);

        Assert.Equal((6, 62.5), (added.GetProperty("count").GetInt32(), added.GetProperty("mean").GetDouble()));
        Assert.Equal((6, 75.0), (changed.GetProperty("count").GetInt32(), changed.GetProperty("mean").GetDouble()));
        Assert.Equal((5, 70.0), (removed.GetProperty("count").GetInt32(), removed.GetProperty("mean").GetDouble()));
        Assert.Equal(1, removed.GetProperty("unrated").GetInt32());
    }

    [Fact]
    public async Task A_rating_rewritten_on_another_scale_with_the_same_score_is_shown_as_written_now()
    {
        // The counters do not move ("3/4 stars" and "6/8" are both 75), so only the version tells the cached rating is stale.
        var (workId, work) = await SeedAsync();
        var url = $"https://rated.example/{Guid.NewGuid():N}";
        var review = TestReviews.Tagged(url, work, new Rating("3/4 stars", 3, 4, 75));
        var reviewId = (await TestReviews.SaveAsync(api.Db, review)).ReviewId;
        var (before, beforeTag) = await SendAsync(workId);

        await TestReviews.SaveAsync(api.Db, review with { Rating = new Rating("6/8", 6, 8, 75) });
        var (after, afterTag) = await SendAsync(workId);

        Assert.Equal("3/4 stars", RawOf(before, reviewId));
        Assert.Equal("6/8", RawOf(after, reviewId));
        Assert.Equal(before.GetProperty("mean").GetDouble(), after.GetProperty("mean").GetDouble());
        Assert.NotEqual(beforeTag, afterTag);
    }

    [Fact]
    public async Task A_rating_revalidates_with_304_until_a_review_changes_it()
    {
        var (workId, work) = await SeedAsync();
        var (first, tag) = await SendAsync(workId);

        using var unchanged = await RevalidateAsync(workId, tag);
        await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://rated.example/{Guid.NewGuid():N}", work, new Rating("1/4", 1, 4, 25)));
        using var changed = await RevalidateAsync(workId, tag);
        var body = JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(first.GetProperty("count").GetInt32() + 1, body.GetProperty("count").GetInt32());
        Assert.NotEqual(tag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Counters_agree_with_a_full_recount()
    {
        await SeedAsync();
        const string recount = """
            select count(*) from works w
            join work_rating_stats s on s.work_id = w.id
            where s.rated <> (select count(rating_normalized) from reviews r where r.work_id = w.id)
               or s.unrated <> (select count(*) - count(rating_normalized) from reviews r where r.work_id = w.id)
               or abs(s.total - coalesce((select sum(rating_normalized) from reviews r where r.work_id = w.id), 0)) > 1e-6
            """;
        await using var command = api.Db.CreateCommand(recount);

        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData(new[] { 66.7, 16.7, 73.0 }, 66.7)]
    [InlineData(new[] { 58.3, 66.7, 16.7, 73.0 }, 62.5)]
    [InlineData(new[] { 33.3, 33.4 }, 33.35)]
    [InlineData(new[] { 0.1, 99.9, 100.0 }, 99.9)]
    public async Task Median_is_exact_at_the_tenth_point_resolution_scores_take(double[] scores, double expected)
    {
        var work = $"Median Work {Guid.NewGuid():N}";
        long workId = 0;
        foreach (var score in scores)
        {
            var rating = new Rating($"{score}/100", score, 100, score);
            workId = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://rated.example/{Guid.NewGuid():N}", work, rating))).WorkId;
        }

        var median = (await RatingAsync(workId)).GetProperty("median").GetDouble();

        await using var exact = api.Db.CreateCommand("select percentile_cont(0.5) within group (order by rating_normalized) from reviews where work_id = $1");
        exact.Parameters.AddWithValue(workId);
        Assert.Equal(expected, median);
        Assert.Equal(Math.Round((double)(await exact.ExecuteScalarAsync())!, 2), median);
    }

    [Fact]
    public async Task A_score_finer_than_a_tenth_is_refused_so_the_buckets_stay_exact()
    {
        var review = TestReviews.Tagged($"https://rated.example/{Guid.NewGuid():N}", $"Fine Work {Guid.NewGuid():N}", new Rating("2/3", 2, 3, 66.66));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => TestReviews.SaveAsync(api.Db, review));

        Assert.Equal("reviews_rating_tenths", refused.ConstraintName);
    }

    [Fact]
    public async Task Contributions_are_complete_through_paging_best_first()
    {
        var work = $"Many Ratings {Guid.NewGuid():N}";
        long workId = 0;
        for (var i = 0; i < 23; i++)
        {
            // Scores repeat, so ties are broken by id across page boundaries.
            var score = 40 + (i % 7) * 5;
            workId = (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://rated.example/{Guid.NewGuid():N}", work, new Rating($"{score}/100", score, 100, score)))).WorkId;
        }

        var rating = await RatingAsync(workId);
        var contributions = rating.GetProperty("contributions").EnumerateArray().ToList();
        var next = rating.GetProperty("contributionsNext").GetString();
        Assert.Equal(20, contributions.Count);
        Assert.True(rating.GetProperty("contributionsTruncated").GetBoolean());
        while (next is not null)
        {
            var page = await api.GetAsync($"/works/{workId}/rating/contributions?limit=2&cursor={Uri.EscapeDataString(next)}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            contributions.AddRange(page.Json.GetProperty("items").EnumerateArray());
            next = page.Json.GetProperty("next").GetString();
            Assert.Equal(next is null, page.Link is null);
        }

        var keys = contributions.Select(c => (Score: c.GetProperty("normalized").GetDouble(), Id: c.GetProperty("reviewId").GetInt64())).ToList();
        Assert.Equal(23, keys.Select(k => k.Id).Distinct().Count());
        Assert.Equal(keys.OrderByDescending(k => k.Score).ThenByDescending(k => k.Id), keys);
        Assert.All(contributions, c => Assert.Contains("÷ 100 × 100", c.GetProperty("conversion").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    public async Task Bad_contribution_paging_is_a_400_problem(string query, string parameter)
    {
        var (workId, _) = await SeedAsync();

        var response = await api.GetAsync($"/works/{workId}/rating/contributions?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Contributions_of_an_unknown_work_are_a_404_problem()
    {
        var response = await api.GetAsync("/works/987654321/rating/contributions");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    private async Task<JsonElement> RatingAsync(long workId) => (await api.GetAsync($"/works/{workId}/rating")).Json;

    private static string? RawOf(JsonElement rating, long reviewId)
        => rating.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("reviewId").GetInt64() == reviewId).GetProperty("raw").GetString();

    private async Task<(JsonElement Rating, string Tag)> SendAsync(long workId)
    {
        using var response = await api.Client.GetAsync(new Uri($"/works/{workId}/rating", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> RevalidateAsync(long workId, string tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/works/{workId}/rating");
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(tag));
        return await api.Client.SendAsync(request);
    }
}
