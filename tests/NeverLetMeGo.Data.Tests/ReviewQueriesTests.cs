using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Testing;
using static NeverLetMeGo.Data.Tests.TestReviews;

namespace NeverLetMeGo.Data.Tests;

public sealed class ReviewQueriesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Fetched = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly ReviewStore store = new(database.DataSource);
    private readonly ReviewQueries queries = new(database.DataSource);

    [Fact]
    public async Task Blocks_round_trip_in_order_with_kind_level_warning_score_and_reasons()
    {
        Block[] blocks =
        [
            new(0, BlockKind.Heading, "Never Let Me Go", SpoilerTag.Clean),
            new(1, BlockKind.Paragraph, "Spoiler alert! Don't read on.", new SpoilerTag(SpoilerLevel.None, true, 0, ["author warning"])),
            new(2, BlockKind.Quote, "We all complete.", new SpoilerTag(SpoilerLevel.Major, false, 0.92, ["after author warning", "reveals the ending"])),
            new(3, BlockKind.ListItem, "Tommy's art.", new SpoilerTag(SpoilerLevel.Premise, false, 0.4, ["explicit spoiler markup"])),
        ];
        var review = Create(blocks: [blocks[2], blocks[0], blocks[3], blocks[1]]);

        var saved = await store.SaveAsync(review, "blocks", Fetched, CancellationToken.None);
        var stored = await queries.GetAsync(saved.ReviewId, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(
            blocks.Select(b => (b.Index, BlockKinds.ToColumn(b.Kind), b.Text, (short)b.Spoiler.Level, b.Spoiler.Warning, b.Spoiler.Score, string.Join('|', b.Spoiler.Reasons))),
            stored.Blocks.Select(b => (b.Ordinal, b.Kind, b.Text, b.SpoilerLevel, b.Warning, b.SpoilerScore, string.Join('|', b.Reasons))));
        Assert.Equal(2, stored.Summary.MaxSpoilerLevel);
    }

    [Fact]
    public async Task A_review_reads_back_with_its_metadata_rating_and_comment_count()
    {
        var published = new DateTimeOffset(2010, 9, 15, 20, 30, 0, TimeSpan.FromHours(-5));
        var review = Create(
            rating: new Rating("3/4 stars", 3, 4, 75),
            publishedAt: published,
            comments: [Comment("1", null, "Agreed."), Comment("2", "1", "Me too.")]);

        var saved = await store.SaveAsync(review, "meta", Fetched, CancellationToken.None);
        var summary = (await queries.GetAsync(saved.ReviewId, CancellationToken.None))?.Summary;

        Assert.NotNull(summary);
        Assert.Equal(review.Url, summary.Url);
        Assert.Equal(review.Work.Title, summary.WorkTitle);
        Assert.Equal(saved.WorkId, summary.WorkId);
        Assert.Equal(review.Author, summary.Author);
        Assert.Equal(published, summary.PublishedAt);
        Assert.Equal(TimeSpan.Zero, summary.PublishedAt!.Value.Offset);
        Assert.Equal(("3/4 stars", 3.0, 4.0, 75.0), (summary.RatingRaw, summary.RatingValue, summary.RatingScale, summary.RatingNormalized));
        Assert.Equal(2, summary.CommentCount);
        Assert.Equal("reviews.example", summary.SiteHost);
    }

    [Fact]
    public async Task Comments_read_back_in_page_order_each_with_its_blocks()
    {
        var when = new DateTimeOffset(2011, 3, 1, 9, 30, 0, TimeSpan.Zero);
        var review = Create(comments:
        [
            new Comment("x", null, "Kay", when, [Paragraph(0, "I cried."), Paragraph(1, "Twice.", SpoilerLevel.Major, false, 0.8, "reveals the ending")]),
            new Comment("y", "x", null, null, [Paragraph(0, "Same.")]),
        ]);

        var saved = await store.SaveAsync(review, "comments", Fetched, CancellationToken.None);
        var comments = await queries.GetCommentsAsync(saved.ReviewId, CancellationToken.None);

        Assert.Equal(2, comments.Count);
        Assert.Equal(("Kay", when, 0), (comments[0].Author, comments[0].PublishedAt, comments[0].Ordinal));
        Assert.Equal(["I cried.", "Twice."], comments[0].Blocks.Select(b => b.Text));
        Assert.Equal(["reveals the ending"], comments[0].Blocks[1].Reasons);
        Assert.Equal(2, comments[0].Blocks[1].SpoilerLevel);
        Assert.Equal((null, null, comments[0].Id), (comments[1].Author, comments[1].PublishedAt, comments[1].ParentId));
    }

    [Fact]
    public async Task Unknown_reviews_are_absent()
    {
        var saved = await store.SaveAsync(Create(), "exists", Fetched, CancellationToken.None);

        Assert.True(await queries.ExistsAsync(saved.ReviewId, CancellationToken.None));
        Assert.False(await queries.ExistsAsync(long.MaxValue, CancellationToken.None));
        Assert.Null(await queries.GetAsync(long.MaxValue, CancellationToken.None));
        Assert.Empty(await queries.GetCommentsAsync(long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Keyset_paging_returns_every_review_of_the_work_exactly_once_newest_first()
    {
        var work = UniqueWork();
        var day = new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Ties on the publication time and undated reviews are where keyset paging goes wrong.
        DateTimeOffset?[] dates = [day, day, day.AddDays(3), null, day.AddDays(-7), null, day.AddDays(3), day, null, day.AddDays(1), day.AddHours(1), null, day];
        var saved = new List<(long Id, DateTimeOffset? PublishedAt)>();
        foreach (var date in dates)
            saved.Add(((await store.SaveAsync(Create(work: work, publishedAt: date), "page", Fetched, CancellationToken.None)).ReviewId, date));
        await store.SaveAsync(Create(), "other work", Fetched, CancellationToken.None);
        var workId = (await queries.GetAsync(saved[0].Id, CancellationToken.None))!.Summary.WorkId;

        var seen = new List<ReviewSummaryRow>();
        ReviewCursor? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var rows = await queries.ListForWorkAsync(workId, 4, cursor, CancellationToken.None);
            seen.AddRange(rows);
            if (rows.Count < 4)
                break;
            cursor = new ReviewCursor(rows[^1].PublishedAt, rows[^1].Id);
        }

        var expected = saved
            .OrderByDescending(r => r.PublishedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.Id)
            .Select(r => r.Id);
        Assert.Equal(expected, seen.Select(r => r.Id));
        Assert.All(seen, r => Assert.Equal(workId, r.WorkId));
    }

    [Fact]
    public async Task A_work_page_reads_the_work_and_the_same_page_as_the_list_or_null_for_no_such_work()
    {
        var work = UniqueWork();
        var day = new DateTimeOffset(2014, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var first = await store.SaveAsync(Create(work: work, publishedAt: day), "page", Fetched, CancellationToken.None);
        for (var i = 1; i < 4; i++)
            await store.SaveAsync(Create(work: work, publishedAt: day.AddDays(i)), "page", Fetched, CancellationToken.None);
        var workId = (await queries.GetAsync(first.ReviewId, CancellationToken.None))!.Summary.WorkId;
        var query = new ReviewListQuery { Limit = 3 };

        var page = await queries.GetWorkPageAsync(workId, query, CancellationToken.None);
        var list = await queries.ListForWorkAsync(workId, query, CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal((workId, work, 4), (page.Work.Id, page.Work.Title, page.Work.ReviewCount));
        Assert.Equal(3, page.Reviews.Count);
        Assert.Equal(list, page.Reviews);
        Assert.Null(await queries.GetWorkPageAsync(long.MaxValue, query, CancellationToken.None));
    }
}
