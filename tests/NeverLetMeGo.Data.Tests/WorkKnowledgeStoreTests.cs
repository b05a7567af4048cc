using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Data.Knowledge;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Testing;
using static NeverLetMeGo.Data.Tests.TestReviews;

namespace NeverLetMeGo.Data.Tests;

public sealed class WorkKnowledgeStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Fetched = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly ReviewStore reviews = new(database.DataSource);
    private readonly WorkKnowledgeStore store = new(database.DataSource);

    [Fact]
    public async Task A_works_texts_are_its_review_and_comment_blocks_and_no_other_works()
    {
        var work = UniqueWork();
        var first = await SaveAsync(Create(work: work, blocks: [Paragraph(0, "Kathy drives."), Paragraph(1, "Tommy draws.")], comments: [Comment("c1", null, "Ruth lies.")]));
        await SaveAsync(Create(work: work, blocks: [Paragraph(0, "Hailsham fades.")]));
        await SaveAsync(Create(blocks: [Paragraph(0, "Another work entirely.")], comments: [Comment("c1", null, "Not this one.")]));

        var texts = await store.GetWorkTextsAsync(first.WorkId, CancellationToken.None);

        Assert.Equal(["Hailsham fades.", "Kathy drives.", "Ruth lies.", "Tommy draws."], texts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_knowledge_of_a_title_is_found_in_one_call_with_the_works_terms_and_vocabulary()
    {
        var work = UniqueWork();
        var saved = await SaveAsync(Create(work: work, blocks: [Paragraph(0, "Kathy remembers Hailsham and the Gallery.")], comments: [Comment("c1", null, "Madame knew.")]));
        await store.UpsertTermAsync(saved.WorkId, "Gallery", SpoilerLevel.Major, CancellationToken.None);

        var found = await store.FindKnowledgeAsync("  " + work.ToUpperInvariant() + " ", CancellationToken.None);
        var byId = await store.GetKnowledgeAsync(saved.WorkId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal([new SpoilerTerm("Gallery", SpoilerLevel.Major)], found.Terms);
        Assert.True(found.Vocabulary.Count > 0);
        Assert.Equal(byId.Vocabulary.Count, found.Vocabulary.Count);
        Assert.Null(await store.FindKnowledgeAsync(UniqueWork(), CancellationToken.None));
        Assert.Null(await store.FindKnowledgeAsync(" ", CancellationToken.None));
    }

    [Fact]
    public async Task A_built_vocabulary_is_kept_and_reused_until_the_work_grows_by_more_than_a_tenth()
    {
        var work = UniqueWork();
        for (var i = 0; i < 10; i++)
            await SaveAsync(Create(work: work, blocks: [Paragraph(0, $"Kathy remembers Hailsham, review {i}."), Paragraph(1, "Tommy draws animals.")]));

        var built = await store.FindKnowledgeAsync(work, CancellationToken.None);
        // The kept vocabulary is what the next reader gets, even when the texts changed under it (the work did not grow).
        await using (var rewrite = database.DataSource.CreateCommand("update review_blocks set text = 'Marigold Quixote wanders.' where review_id in (select r.id from reviews r join works w on w.id = r.work_id where w.title = $1)"))
        {
            rewrite.Parameters.AddWithValue(work);
            await rewrite.ExecuteNonQueryAsync();
        }

        var kept = await store.FindKnowledgeAsync(work, CancellationToken.None);
        await SaveAsync(Create(work: work, blocks: [Paragraph(0, "Marigold Quixote wanders again.")]));
        var withinATenth = await store.FindKnowledgeAsync(work, CancellationToken.None);
        await SaveAsync(Create(work: work, blocks: [Paragraph(0, "Marigold Quixote wanders once more.")]));
        var rebuilt = await store.FindKnowledgeAsync(work, CancellationToken.None);

        Assert.True(built!.Vocabulary.WeightOf("Hailsham") > 0);
        Assert.Equal(built.Vocabulary.WeightOf("Hailsham"), kept!.Vocabulary.WeightOf("Hailsham"));
        Assert.Equal(0, kept.Vocabulary.WeightOf("Quixote"));
        Assert.Equal(0, withinATenth!.Vocabulary.WeightOf("Quixote"));
        Assert.True(rebuilt!.Vocabulary.WeightOf("Quixote") > 0);
        Assert.Equal(0, rebuilt.Vocabulary.WeightOf("Hailsham"));
        await using var keptRow = database.DataSource.CreateCommand("select v.reviews from work_vocabularies v join works w on w.id = v.work_id where w.title = $1");
        keptRow.Parameters.AddWithValue(work);
        Assert.Equal(12, (int)(await keptRow.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(9, 10, false)]
    [InlineData(10, 11, true)]
    [InlineData(10, 12, false)]
    [InlineData(300, 330, true)]
    [InlineData(300, 331, false)]
    public void A_kept_vocabulary_is_fresh_until_the_work_grows_by_more_than_a_tenth(int builtFrom, int reviews, bool fresh)
        => Assert.Equal(fresh, WorkKnowledgeStore.IsFresh(builtFrom, reviews));

    private Task<SaveResult> SaveAsync(Review review) => reviews.SaveAsync(review, Guid.NewGuid().ToString("N"), Fetched, CancellationToken.None);
}
