using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>Scraping a review of a work the database already knows tags it with that work's knowledge (its operators' terms).</summary>
public sealed class ScrapeWorkKnowledgeTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>, IDisposable
{
    private const string RosebudReason = "mentions 'Rosebud', a major plot term for this work";

    private readonly string _first = Directory.CreateTempSubdirectory("nlmg-kane-first-").FullName;
    private readonly string _second = Directory.CreateTempSubdirectory("nlmg-kane-second-").FullName;

    [Fact]
    public async Task A_scraped_review_of_a_known_work_masks_the_operators_spoiler_term_with_its_reason()
    {
        Page(_first, "kane-one.html", "Citizen Kane review: the newspaper years",
            "Orson Welles made his first feature at twenty-five and it still looks modern.",
            "The deep focus photography lets several actions share one frame.");
        var first = await Nlmg.RunAsync(database.Settings(), "scrape", _first);
        Assert.True(first.ExitCode == 0, first.ToString());
        await database.ExecuteAsync("""
            insert into work_spoiler_terms (work_id, term, term_key, level)
            select id, 'Rosebud', 'rosebud', 2 from works where title = 'Citizen Kane'
            """);

        Page(_second, "kane-two.html", "Citizen Kane review: a second look",
            "I watched it again with friends last weekend.",
            "Everyone in the room was talking about Rosebud on the way out.");
        Page(_second, "third-man.html", "The Third Man review: zither and sewers",
            "Someone behind me whispered about Rosebud for no reason at all.");
        var second = await Nlmg.RunAsync(database.Settings(), "scrape", _second);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(1, await database.CountAsync($"""
            select count(*) from review_blocks b join reviews r on r.id = b.review_id join works w on w.id = r.work_id
            where w.title = 'Citizen Kane' and b.text like 'Everyone in the room%' and b.spoiler_level = 2
              and b.reasons @> array['{RosebudReason.Replace("'", "''", StringComparison.Ordinal)}']
            """));
        // The term belongs to Citizen Kane: the same word in a review of another work is not the term.
        Assert.Equal(0, await database.CountAsync("""
            select count(*) from review_blocks b join reviews r on r.id = b.review_id join works w on w.id = r.work_id
            where w.title = 'The Third Man' and exists (select 1 from unnest(b.reasons) reason where reason like 'mentions%')
            """));
        Assert.Equal(1, await database.CountAsync("select count(*) from works where title = 'The Third Man'"));
    }

    public void Dispose()
    {
        Directory.Delete(_first, recursive: true);
        Directory.Delete(_second, recursive: true);
    }

    private static void Page(string folder, string name, string title, params string[] paragraphs) =>
        File.WriteAllText(Path.Combine(folder, name), $"""
            <!doctype html>
            <html><head><title>{title}</title></head>
            <body><article><h1>{title}</h1>
            {string.Concat(paragraphs.Select(p => $"<p>{p}</p>\n"))}
            </article></body></html>
            """);
}
