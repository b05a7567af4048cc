using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Postgres;
using NeverLetMeGo.Data.Reports;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Data.Search;
using NeverLetMeGo.Testing;
using static NeverLetMeGo.Data.Tests.TestReviews;

namespace NeverLetMeGo.Data.Tests;

/// <summary>What readers are shown is decided when a review is written and stored with it; these tests read it back.</summary>
public sealed class ReviewDecisionsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Fetched = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly ReviewStore store = new(database.DataSource);
    private readonly ReviewQueries queries = new(database.DataSource);

    private static Review Spoiled(string? url = null) => Create(url: url, rating: Rated(75), blocks:
    [
        Paragraph(0, "Kathy remembers Hailsham and the long afternoons there."),
        Paragraph(1, "Marigold wanderers complete after the fourth donation.", SpoilerLevel.Major, score: 0.9, reasons: "model: 0.90"),
    ]);

    [Fact]
    public async Task A_saved_review_carries_its_decided_summary_excerpt_and_title()
    {
        var saved = await store.SaveAsync(Spoiled(), "h1", Fetched, CancellationToken.None);

        var row = (await queries.GetSummaryAsync(saved.ReviewId, CancellationToken.None))!;

        Assert.True(row.ContainsSpoilers);
        Assert.Equal((short)SpoilerLevel.Major, row.MaxSpoilerLevel);
        Assert.Equal((0, 1), (row.PremiseBlocks, row.MajorBlocks));
        Assert.Equal("Kathy remembers Hailsham and the long afternoons there.", row.Excerpt);
        Assert.Equal("A quiet devastation", row.SafeTitle);
    }

    [Fact]
    public async Task A_title_the_tagger_read_as_a_spoiler_is_never_shown_and_a_later_decision_remembers_it()
    {
        var review = Spoiled() with { Title = "Marigold: the wanderers who never ran", TitleLevel = SpoilerLevel.Premise };
        var saved = await store.SaveAsync(review, "h1-title", Fetched, CancellationToken.None);

        var row = (await queries.GetSummaryAsync(saved.ReviewId, CancellationToken.None))!;
        Assert.Equal(("A review of " + row.WorkTitle, true), (row.SafeTitle, row.TitleReplaced));
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            Assert.Equal(1, await connection.ExecuteScalarAsync<short>("select title_level from reviews where id = @id", new { id = saved.ReviewId }));

        // A correction decides the review again from what is stored: the title's level must be among it.
        await new BlockCorrections(database.DataSource).SetAsync(saved.ReviewId, 1, 0, "an operator", CancellationToken.None);
        var again = (await queries.GetSummaryAsync(saved.ReviewId, CancellationToken.None))!;
        Assert.Equal(0, again.MajorBlocks);
        Assert.Equal(("A review of " + row.WorkTitle, true), (again.SafeTitle, again.TitleReplaced));
    }

    [Fact]
    public async Task A_saved_review_stores_what_each_tolerance_shows_and_a_correction_rewrites_it()
    {
        var saved = await store.SaveAsync(Spoiled(), "h1-views", Fetched, CancellationToken.None);

        var none = (await queries.GetViewAsync(saved.ReviewId, SpoilerTolerance.None, CancellationToken.None))!.View!;
        var all = (await queries.GetViewAsync(saved.ReviewId, SpoilerTolerance.All, CancellationToken.None))!.View!;
        Assert.Equal(1, none.HiddenBlocks);
        Assert.Equal(0, all.HiddenBlocks);
        var noneText = System.Text.Encoding.UTF8.GetString(none.BlocksJson.Span);
        Assert.DoesNotContain("Marigold", noneText, StringComparison.Ordinal);
        Assert.Contains("Kathy remembers Hailsham", noneText, StringComparison.Ordinal);
        Assert.Contains("Marigold", System.Text.Encoding.UTF8.GetString(all.BlocksJson.Span), StringComparison.Ordinal);

        await new BlockCorrections(database.DataSource).SetAsync(saved.ReviewId, 0, 2, "an operator", CancellationToken.None);

        var corrected = (await queries.GetViewAsync(saved.ReviewId, SpoilerTolerance.None, CancellationToken.None))!.View!;
        Assert.Equal(2, corrected.HiddenBlocks);
        Assert.DoesNotContain("Kathy remembers", System.Text.Encoding.UTF8.GetString(corrected.BlocksJson.Span), StringComparison.Ordinal);
        Assert.Null(await queries.GetViewAsync(-1, SpoilerTolerance.None, CancellationToken.None));
    }

    [Fact]
    public async Task A_correction_decides_the_review_again_on_every_read_and_moves_its_version()
    {
        var saved = await store.SaveAsync(Spoiled(), "h2", Fetched, CancellationToken.None);
        var before = (await queries.GetVersionAsync(saved.ReviewId, CancellationToken.None))!;

        await new BlockCorrections(database.DataSource).SetAsync(saved.ReviewId, 0, 2, "an operator", CancellationToken.None);

        var review = (await queries.GetAsync(saved.ReviewId, CancellationToken.None))!;
        Assert.Equal(2, review.Blocks[0].SpoilerLevel);
        Assert.Equal([SpoilerReasons.Operator], review.Blocks[0].Reasons);
        Assert.Equal("", review.Summary.Excerpt);
        Assert.Equal(2, review.Summary.MajorBlocks);
        Assert.NotEqual(before, review.Version);
        var hits = await new SearchQueries(database.DataSource).SearchAsync("Hailsham afternoons", SpoilerTolerance.None, 10, null, CancellationToken.None);
        Assert.DoesNotContain(hits, h => h.Review.Id == saved.ReviewId);
    }

    [Fact]
    public async Task A_rescrape_keeps_the_corrections_in_its_decision()
    {
        var url = UniqueUrl();
        var saved = await store.SaveAsync(Spoiled(url), "h3", Fetched, CancellationToken.None);
        await new BlockCorrections(database.DataSource).SetAsync(saved.ReviewId, 0, 1, "an operator", CancellationToken.None);

        await store.SaveAsync(Spoiled(url), "h3-changed", Fetched.AddDays(1), CancellationToken.None);

        var review = (await queries.GetAsync(saved.ReviewId, CancellationToken.None))!;
        Assert.Equal(1, review.Blocks[0].SpoilerLevel);
        Assert.Equal((1, 1), (review.Summary.PremiseBlocks, review.Summary.MajorBlocks));
    }

    [Fact]
    public async Task A_reply_quoting_a_spoiler_comment_is_stored_at_its_level()
    {
        Comment spoiler = new("c1", null, "reader", null, [Paragraph(0, "Ruth dies on the table at the recovery centre.", SpoilerLevel.Major, score: 0.9)]);
        var review = Create(comments: [spoiler, Comment("c2", "c1", "I cried when Ruth dies on the table, honestly.")]);

        var saved = await store.SaveAsync(review, "h4", Fetched, CancellationToken.None);

        var comments = await queries.GetCommentsAsync(saved.ReviewId, CancellationToken.None);
        Assert.Equal(2, comments[1].Blocks[0].SpoilerLevel);
        Assert.Equal([SpoilerReasons.QuotesSpoiler], comments[1].Blocks[0].Reasons);
        Assert.Equal(2, (await queries.GetSummaryAsync(saved.ReviewId, CancellationToken.None))!.CommentCount);
    }

    [Fact]
    public async Task Deciding_again_with_nothing_changed_rewrites_no_block_search_or_view_row()
    {
        var saved = await store.SaveAsync(Spoiled(), "h5-same", Fetched, CancellationToken.None);
        const string versions = """
            select (select array_agg(xmin::text order by ordinal) from review_blocks where review_id = @id)
                || (select array_agg(xmin::text order by tolerance) from review_search where review_id = @id)
                || (select array_agg(xmin::text order by tolerance) from review_views where review_id = @id)
            """;
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<string[]>(versions, new { id = saved.ReviewId });

        await using (var tx = await connection.BeginTransactionAsync())
        {
            Assert.True(await ReviewDecisions.RedecideAsync(connection, tx, saved.ReviewId, CancellationToken.None));
            await tx.CommitAsync();
        }

        Assert.Equal(2 + 3 + 3, before!.Length);
        Assert.Equal(before, await connection.ExecuteScalarAsync<string[]>(versions, new { id = saved.ReviewId }));
    }

    [Fact]
    public async Task Migrating_decides_reviews_whose_decisions_are_missing_or_from_other_rules()
    {
        var saved = await store.SaveAsync(Spoiled(), "h5", Fetched, CancellationToken.None);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "update reviews set decided_rules = null, excerpt = '', safe_title = null where id = @id;" +
                "update review_blocks set decided_level = null where review_id = @id", new { id = saved.ReviewId });
        }

        await Migrator.MigrateAsync(database.DataSource, NullLogger.Instance, CancellationToken.None);

        var review = (await queries.GetAsync(saved.ReviewId, CancellationToken.None))!;
        Assert.Equal("Kathy remembers Hailsham and the long afternoons there.", review.Summary.Excerpt);
        Assert.Equal("A quiet devastation", review.Summary.SafeTitle);
        Assert.Equal(0, review.Blocks[0].SpoilerLevel);
        await using var check = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(ReviewDecider.RulesVersion, await check.ExecuteScalarAsync<int>("select decided_rules from reviews where id = @id", new { id = saved.ReviewId }));
    }

    [Fact]
    public async Task A_work_counts_positive_reviews_by_the_stored_decision()
    {
        var work = UniqueWork();
        await store.SaveAsync(Create(work: work, rating: Rated(60)), "p1", Fetched, CancellationToken.None);
        var low = await store.SaveAsync(Create(work: work, rating: Rated(59.9)), "p2", Fetched, CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select positive from work_rating_stats where work_id = @id", new { id = low.WorkId }));
    }
}
