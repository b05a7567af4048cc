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

    private Task<SaveResult> SaveAsync(Review review) => reviews.SaveAsync(review, Guid.NewGuid().ToString("N"), Fetched, CancellationToken.None);
}
