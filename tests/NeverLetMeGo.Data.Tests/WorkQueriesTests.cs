using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Data.Works;
using NeverLetMeGo.Testing;
using static NeverLetMeGo.Data.Tests.TestReviews;

namespace NeverLetMeGo.Data.Tests;

public sealed class WorkQueriesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Fetched = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly ReviewStore store = new(database.DataSource);
    private readonly WorkQueries works = new(database.DataSource);

    [Fact]
    public async Task The_rating_aggregate_counts_averages_and_takes_the_median_of_rated_reviews_only()
    {
        var work = UniqueWork();
        double?[] ratings = [40, null, 60, 100, null, 80];
        long workId = 0;
        foreach (var rating in ratings)
            workId = (await SaveAsync(Create(work: work, rating: rating is { } r ? Rated(r) : null))).WorkId;

        var aggregate = await works.GetRatingAsync(workId, CancellationToken.None);

        Assert.Equal(new WorkRatingRow(workId, Count: 4, Unrated: 2, Mean: 70, Median: 70), aggregate);
    }

    [Fact]
    public async Task A_work_without_rated_reviews_has_no_mean_or_median()
    {
        var work = UniqueWork();
        await SaveAsync(Create(work: work));
        var workId = (await SaveAsync(Create(work: work))).WorkId;

        var aggregate = await works.GetRatingAsync(workId, CancellationToken.None);

        Assert.Equal(new WorkRatingRow(workId, Count: 0, Unrated: 2, Mean: null, Median: null), aggregate);
    }

    [Fact]
    public async Task A_work_reads_back_with_its_review_count()
    {
        var work = UniqueWork();
        await SaveAsync(Create(work: work));
        var saved = await SaveAsync(Create(work: work));

        var row = await works.GetAsync(saved.WorkId, CancellationToken.None);

        Assert.Equal((saved.WorkId, work, 2), (row?.Id, row?.Title, row?.ReviewCount));
        Assert.Null(await works.GetAsync(long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Works_page_by_title_then_id_and_every_work_appears_once()
    {
        var prefix = $"Zz {Guid.NewGuid():N}";
        string[] titles = [$"{prefix} C", $"{prefix} A", $"{prefix} B", $"{prefix} E", $"{prefix} D"];
        foreach (var title in titles)
            await SaveAsync(Create(work: title));

        var seen = new List<WorkRow>();
        long? after = null;
        for (var page = 0; page < 100; page++)
        {
            var rows = await works.ListAsync(2, after, CancellationToken.None);
            seen.AddRange(rows);
            if (rows.Count < 2)
                break;
            after = rows[^1].Id;
        }

        var mine = seen.Where(w => w.Title.StartsWith(prefix, StringComparison.Ordinal)).Select(w => w.Title);
        Assert.Equal(titles.Order(StringComparer.Ordinal), mine);
        Assert.Equal(seen.Count, seen.DistinctBy(w => w.Id).Count());
        Assert.All(seen.Where(w => w.Title.StartsWith(prefix, StringComparison.Ordinal)), w => Assert.Equal(1, w.ReviewCount));
    }

    private Task<SaveResult> SaveAsync(Review review) => store.SaveAsync(review, Guid.NewGuid().ToString("N"), Fetched, CancellationToken.None);
}
