using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class RetagTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task Retag_applies_a_new_spoiler_term_and_reports_the_blocks_that_changed()
    {
        Assert.Equal(0, (await Nlmg.RunAsync(database.Settings(), "import-samples")).ExitCode);
        var unchanged = await Nlmg.RunAsync(database.Settings(), "retag");
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Matches(@"^retagged 4 reviews of 1 works: \d+ of \d+ blocks changed level", unchanged.OutLines.Single());

        // "Dan the Man" only appears in a harmless link line of one review: naming it a major term must hide that line.
        await database.ExecuteAsync("""
            insert into work_spoiler_terms (work_id, term, term_key, level)
            select id, 'Dan the Man', 'dan the man', 2 from works
            """);
        var result = await Nlmg.RunAsync(database.Settings(), "retag", "--work", (await database.CountAsync("select min(id) from works")).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("retagged 4 reviews of 1 works: 1 of ", result.OutLines.Single(), StringComparison.Ordinal);
        Assert.Equal(1, await database.CountAsync("""
            select count(*) from review_blocks
            where text like 'Dan the Man%' and spoiler_level = 2
              and reasons @> array['mentions ''Dan the Man'', a major plot term for this work']
            """));
        Assert.Equal(0, await database.CountAsync("select count(*) from review_blocks where warning and spoiler_level > 0"));
    }

    [Fact]
    public async Task Retag_writes_the_sentences_of_blocks_stored_without_them()
    {
        Assert.Equal(0, (await Nlmg.RunAsync(database.Settings(), "import-samples")).ExitCode);
        // As a database migrated from before 0011 holds them.
        await database.ExecuteAsync("update review_blocks set sentences = null");

        var result = await Nlmg.RunAsync(database.Settings(), "retag");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, await database.CountAsync("select count(*) from review_blocks where sentences is null"));
        Assert.True(await database.CountAsync("select count(*) from review_blocks where cardinality(sentences) >= 6") > 0);
        // Each block's level is its highest sentence's: what lets mask=sentences trust them.
        Assert.Equal(0, await database.CountAsync("""
            select count(*) from review_blocks b
            where cardinality(b.sentences) > 0
              and b.spoiler_level <> (select max(b.sentences[i]) from generate_subscripts(b.sentences, 1) i where i % 3 = 0)
            """));
    }

    [Fact]
    public async Task Retag_reads_the_titles_and_hides_one_that_gives_the_story_away()
    {
        Assert.Equal(0, (await Nlmg.RunAsync(database.Settings(), "import-samples")).ExitCode);
        Assert.Equal(0, await database.CountAsync("select count(*) from reviews where title_level > 0 or title_replaced"));
        // As a database stored before titles were read holds a revealing one: level none, shown as it is.
        await database.ExecuteAsync("""
            update reviews set title = 'Never Let Me Go: the clones who never ran', safe_title = 'Never Let Me Go: the clones who never ran'
            where id = (select min(id) from reviews)
            """);

        var result = await Nlmg.RunAsync(database.Settings(), "retag");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith(", 1 titles changed level", result.OutLines.Single(), StringComparison.Ordinal);
        Assert.Equal(1, await database.CountAsync("""
            select count(*) from reviews
            where title_level > 0 and title_replaced and safe_title = 'A review of Never Let Me Go'
            """));
        Assert.Equal(0, await database.CountAsync("select count(*) from reviews where safe_title like '%clones%'"));
    }

    [Fact]
    public async Task Retag_of_an_unknown_work_fails_with_its_id()
    {
        var result = await Nlmg.RunAsync(database.Settings(), "retag", "--work", "987654");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("error: no work with id 987654", result.Error.Trim(), StringComparison.Ordinal);
    }
}
