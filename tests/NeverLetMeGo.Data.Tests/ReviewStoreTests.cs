using Dapper;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reports;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Testing;
using static NeverLetMeGo.Data.Tests.TestReviews;

namespace NeverLetMeGo.Data.Tests;

public sealed class ReviewStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Fetched = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly ReviewStore store = new(database.DataSource);
    private readonly ReviewQueries queries = new(database.DataSource);

    [Fact]
    public async Task A_new_url_is_created_the_same_content_is_unchanged_and_new_content_updates_the_same_row()
    {
        var review = Create(blocks: [Paragraph(0, "One."), Paragraph(1, "Two.")]);

        var created = await store.SaveAsync(review, "hash-1", Fetched, CancellationToken.None);
        var unchanged = await store.SaveAsync(review, "hash-1", Fetched.AddDays(1), CancellationToken.None);
        var changed = review with { Title = "A quieter devastation", Blocks = [Paragraph(0, "Only one now.")] };
        var updated = await store.SaveAsync(changed, "hash-2", Fetched.AddDays(2), CancellationToken.None);

        Assert.Equal(SaveOutcome.Created, created.Outcome);
        Assert.Equal(SaveOutcome.Unchanged, unchanged.Outcome);
        Assert.Equal(SaveOutcome.Updated, updated.Outcome);
        Assert.Equal(created.ReviewId, unchanged.ReviewId);
        Assert.Equal(created.ReviewId, updated.ReviewId);
        Assert.Equal(created.WorkId, updated.WorkId);
        Assert.Equal(1, await CountRowsAsync(review.Url));

        var stored = await queries.GetAsync(created.ReviewId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("A quieter devastation", stored.Summary.Title);
        Assert.Equal("hash-2", stored.Summary.ContentHash);
        Assert.Equal(Fetched.AddDays(2), stored.Summary.FetchedAt);
        Assert.Equal(["Only one now."], stored.Blocks.Select(b => b.Text));
    }

    [Fact]
    public async Task Pages_that_name_no_work_are_works_of_their_own_and_the_film_called_Unknown_is_one_work()
    {
        var unnamed = WorkRef.Of(null);
        var first = await store.SaveAsync(Create() with { Work = unnamed }, "unnamed-1", Fetched, CancellationToken.None);
        var second = await store.SaveAsync(Create() with { Work = unnamed }, "unnamed-2", Fetched, CancellationToken.None);
        var film = await store.SaveAsync(Create(work: "Unknown"), "film-1", Fetched, CancellationToken.None);
        var sameFilm = await store.SaveAsync(Create(work: "Unknown (2011)"), "film-2", Fetched, CancellationToken.None);

        Assert.NotEqual(first.WorkId, second.WorkId);
        Assert.NotEqual(first.WorkId, film.WorkId);
        Assert.Equal(film.WorkId, sameFilm.WorkId);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var titles = await connection.QueryAsync<string>("select title from works where id = any(@ids)", new { ids = new[] { first.WorkId, second.WorkId } });
        Assert.All(titles, t => Assert.Equal(WorkRef.UnknownTitle, t));
    }

    [Fact]
    public async Task Sentences_are_stored_with_their_block_and_dropped_on_read_when_a_correction_overrides_the_level()
    {
        const string text = "The acting is superb. Judy was Madeleine all along.";
        SentenceSpan[] spans = [new(0, 21, SpoilerLevel.None), new(22, text.Length, SpoilerLevel.Major)];
        var review = Create(blocks: [Paragraph(0, "No sentences kept here."), Paragraph(1, text, SpoilerLevel.Major, score: 0.9, reasons: "model: 0.90") with { Sentences = spans }]);

        var saved = await store.SaveAsync(review, "sentences", Fetched, CancellationToken.None);
        var stored = await queries.GetAsync(saved.ReviewId, sentences: true, CancellationToken.None);
        var withoutSentences = await queries.GetAsync(saved.ReviewId, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Empty(stored.Blocks[0].Sentences);
        Assert.Equal(spans, stored.Blocks[1].Sentences);
        Assert.Empty(withoutSentences!.Blocks[1].Sentences);
        Assert.Equal(stored.Blocks.Select(b => b.Text), withoutSentences.Blocks.Select(b => b.Text));

        // Through the correction path, which decides the review again: a row written behind its back decides nothing.
        await new BlockCorrections(database.DataSource).SetAsync(saved.ReviewId, 1, 2, "an operator", CancellationToken.None);

        var corrected = await queries.GetAsync(saved.ReviewId, sentences: true, CancellationToken.None);
        Assert.Empty(corrected!.Blocks[1].Sentences);
        Assert.Equal(["set by an operator"], corrected.Blocks[1].Reasons);
    }

    [Fact]
    public async Task An_unchanged_save_only_moves_the_fetch_time()
    {
        var review = Create();
        var created = await store.SaveAsync(review, "same", Fetched, CancellationToken.None);

        // Different content under the same hash: the stored content must stay as it was.
        await store.SaveAsync(review with { Title = "Ignored" }, "same", Fetched.AddHours(5), CancellationToken.None);

        var stored = await queries.GetAsync(created.ReviewId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(review.Title, stored.Summary.Title);
        Assert.Equal(Fetched.AddHours(5), stored.Summary.FetchedAt);
    }

    [Fact]
    public async Task Concurrent_saves_of_the_same_url_leave_exactly_one_review()
    {
        var review = Create(comments: [Comment("c1", null, "First!")]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => store.SaveAsync(review, "concurrent", Fetched, CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == SaveOutcome.Created);
        Assert.All(results, r => Assert.Equal(results[0].ReviewId, r.ReviewId));
        Assert.Equal(1, await CountRowsAsync(review.Url));
        Assert.Single(await queries.GetCommentsAsync(results[0].ReviewId, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_saves_of_different_content_for_one_url_leave_one_review_with_one_version()
    {
        var url = UniqueUrl();
        var versions = Enumerable.Range(0, 6)
            .Select(i => Create(url: url, blocks: [Paragraph(0, $"Version {i}"), Paragraph(1, $"Still version {i}")]))
            .ToList();

        var results = await Task.WhenAll(versions.Select((v, i) =>
            Task.Run(() => store.SaveAsync(v, $"hash-{i}", Fetched, CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == SaveOutcome.Created);
        Assert.Equal(1, await CountRowsAsync(url));
        var stored = await queries.GetAsync(results[0].ReviewId, CancellationToken.None);
        Assert.NotNull(stored);
        // The blocks belong to one version only, the one whose hash is stored.
        var version = stored.Summary.ContentHash["hash-".Length..];
        Assert.Equal([$"Version {version}", $"Still version {version}"], stored.Blocks.Select(b => b.Text));
    }

    [Fact]
    public async Task Reviews_of_one_work_share_it_however_the_title_is_spelled()
    {
        var title = UniqueWork();

        var a = await store.SaveAsync(Create(work: title), "a", Fetched, CancellationToken.None);
        var b = await store.SaveAsync(Create(work: "  " + title.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal) + " "), "b", Fetched, CancellationToken.None);

        Assert.Equal(a.WorkId, b.WorkId);
    }

    [Fact]
    public async Task A_leading_article_a_release_year_and_punctuation_do_not_split_a_work()
    {
        var words = $"Remains of the Day {Guid.NewGuid():N}";

        var plain = await store.SaveAsync(Create(work: words), "plain", Fetched, CancellationToken.None);
        var dressed = await store.SaveAsync(Create(work: $"The {words} (1993)"), "dressed", Fetched, CancellationToken.None);
        var shouted = await store.SaveAsync(Create(work: words.ToUpperInvariant() + "!"), "shouted", Fetched, CancellationToken.None);
        var other = await store.SaveAsync(Create(work: $"{words} II"), "other", Fetched, CancellationToken.None);

        Assert.Equal(plain.WorkId, dressed.WorkId);
        Assert.Equal(plain.WorkId, shouted.WorkId);
        Assert.NotEqual(plain.WorkId, other.WorkId);
    }

    [Fact]
    public async Task The_site_is_named_by_the_page_or_else_by_its_host()
    {
        var host = $"{Guid.NewGuid():N}.example";

        var unnamed = await store.SaveAsync(Create(url: UniqueUrl(host), siteName: null), "x", Fetched, CancellationToken.None);
        var first = await queries.GetAsync(unnamed.ReviewId, CancellationToken.None);
        var named = await store.SaveAsync(Create(url: UniqueUrl(host.ToUpperInvariant()), siteName: "Film Notes"), "y", Fetched, CancellationToken.None);
        var second = await queries.GetAsync(named.ReviewId, CancellationToken.None);

        Assert.Equal(host, first?.Summary.SiteName);
        Assert.Equal(host, second?.Summary.SiteHost);
        Assert.Equal("Film Notes", second?.Summary.SiteName);
    }

    [Fact]
    public async Task Spoiler_facts_of_the_review_come_from_its_blocks()
    {
        var clean = await store.SaveAsync(Create(), "clean", Fetched, CancellationToken.None);
        var spoiled = await store.SaveAsync(
            Create(blocks: [Paragraph(0, "Fine."), Paragraph(1, "Premise.", SpoilerLevel.Premise), Paragraph(2, "Ending.", SpoilerLevel.Major)]),
            "spoiled",
            Fetched,
            CancellationToken.None);

        Assert.Equal((false, 0), await SpoilerFactsAsync(clean.ReviewId));
        Assert.Equal((true, 2), await SpoilerFactsAsync(spoiled.ReviewId));
    }

    [Fact]
    public async Task Replies_point_at_their_stored_parents_whatever_the_page_order()
    {
        var review = Create(comments:
        [
            Comment("c1", null, "Top."),
            Comment("c3", "c2", "A reply that the page lists before its parent."),
            Comment("c2", "c1", "Reply to c1."),
            Comment("c4", "missing", "Reply to a comment that is not on the page."),
            Comment("c5", "c5", "Reply to itself."),
            Comment("c6", "c7", "One half of a loop."),
            Comment("c7", "c6", "The other half."),
        ]);

        var saved = await store.SaveAsync(review, "thread", Fetched, CancellationToken.None);
        var comments = await queries.GetCommentsAsync(saved.ReviewId, CancellationToken.None);

        var idOf = comments.ToDictionary(c => review.Comments[c.Ordinal].Id, c => c.Id);
        long? Parent(string id) => comments.Single(c => c.Id == idOf[id]).ParentId;
        Assert.Equal(Enumerable.Range(0, 7), comments.Select(c => c.Ordinal));
        Assert.Null(Parent("c1"));
        Assert.Equal(idOf["c2"], Parent("c3"));
        Assert.Equal(idOf["c1"], Parent("c2"));
        Assert.Null(Parent("c4"));
        Assert.Null(Parent("c5"));
        // The loop is cut once: one of the two keeps its link, never both.
        Assert.Single(new[] { Parent("c6"), Parent("c7") }, p => p is not null);
    }

    [Fact]
    public async Task An_update_replaces_the_comments()
    {
        var review = Create(comments: [Comment("a", null, "Old one."), Comment("b", "a", "Old reply.")]);
        var saved = await store.SaveAsync(review, "v1", Fetched, CancellationToken.None);

        await store.SaveAsync(review with { Comments = [Comment("z", null, "New one.")] }, "v2", Fetched, CancellationToken.None);

        var comments = await queries.GetCommentsAsync(saved.ReviewId, CancellationToken.None);
        var only = Assert.Single(comments);
        Assert.Equal("New one.", Assert.Single(only.Blocks).Text);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*) from comment_blocks b where not exists (select from comments c where c.id = b.comment_id)"));
    }

    [Fact]
    public async Task Blocks_and_comment_blocks_keep_their_kind_tag_and_reasons_whatever_characters_they_hold()
    {
        string[] reasons = ["mentions 'Rosebud', a major plot term for this work", "quote \" backslash \\ and ünïcødé ☃", "[\"json\"] {}"];
        var heading = new Block(1, BlockKind.Heading, "Heading, \"quoted\"", new SpoilerTag(SpoilerLevel.Premise, false, 0.5, reasons));
        var review = Create(
            blocks: [Paragraph(0, "Plain.", SpoilerLevel.Major, score: 0.95, reasons: reasons[0]), heading, Paragraph(2, "Warned.", warning: true)],
            comments: [Comment("c1", null, "First!") with { Blocks = [Paragraph(0, "One."), Paragraph(1, "Two.", SpoilerLevel.Major, score: 1, reasons: reasons)] }]);

        var saved = await store.SaveAsync(review, "reasons", Fetched, CancellationToken.None);

        var stored = await queries.GetAsync(saved.ReviewId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(review.Blocks.Select(b => (b.Index, BlockKinds.ToColumn(b.Kind), b.Text, (short)b.Spoiler.Level, b.Spoiler.Warning, b.Spoiler.Score, string.Join("|", b.Spoiler.Reasons))),
            stored.Blocks.Select(b => (b.Ordinal, b.Kind, b.Text, b.SpoilerLevel, b.Warning, b.SpoilerScore, string.Join("|", b.Reasons))));
        var comment = Assert.Single(await queries.GetCommentsAsync(saved.ReviewId, CancellationToken.None));
        Assert.Equal(["One.", "Two."], comment.Blocks.Select(b => b.Text));
        Assert.Equal(reasons, comment.Blocks[1].Reasons);
        Assert.Equal((short)SpoilerLevel.Major, comment.Blocks[1].SpoilerLevel);
    }

    [Fact]
    public async Task A_review_with_two_blocks_of_the_same_index_is_refused_before_anything_is_written()
    {
        var review = Create(blocks: [Paragraph(0, "One."), Paragraph(0, "Also zero.")]);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(review, "dup", Fetched, CancellationToken.None));

        Assert.Equal(0, await CountRowsAsync(review.Url));
    }

    private async Task<int> CountRowsAsync(string url)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select count(*) from reviews where url = @url", new { url });
    }

    private async Task<(bool, short)> SpoilerFactsAsync(long reviewId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(bool, short)>(
            "select contains_spoilers, max_spoiler_level from reviews where id = @reviewId", new { reviewId });
    }
}
