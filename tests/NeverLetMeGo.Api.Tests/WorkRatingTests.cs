using System.Text.Json;
using NeverLetMeGo.Core.Model;

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

    private async Task<JsonElement> RatingAsync(long workId) => (await api.GetAsync($"/works/{workId}/rating")).Json;
}
