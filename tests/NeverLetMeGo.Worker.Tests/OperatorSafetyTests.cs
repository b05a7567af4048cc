using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>What an operator can get wrong: scraping something that is not a page, copies under other URLs, deleting.</summary>
public sealed class OperatorSafetyTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    private const string Opinion = "<p>Never Let Me Go is a quiet, patient film about memory, friendship and the people we lose along the way.</p>";

    [Fact]
    public async Task Scraping_a_markdown_file_is_refused_with_its_reason_and_stores_nothing()
    {
        var readme = Path.Combine(RepositoryRoot.Path, "samples", "README.md");
        var before = await database.CountAsync("select count(*) from works");

        var result = await Nlmg.RunAsync(database.Settings(), "scrape", readme);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Stored 0 (created 0, updated 0), unchanged 0, failed 1", result.OutLines[0]);
        Assert.Contains($"{readme} is not an HTML page (it starts with \"# Sample corpus\"); nothing was stored", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, await database.CountAsync("select count(*) from works"));
        Assert.Equal(0, await database.CountAsync($"select count(*) from reviews where url like '%README.md'"));
    }

    [Fact]
    public async Task Responses_that_are_not_html_are_refused_whatever_their_content_type_says()
    {
        await using var site = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/notes.md", () => Results.Content("# Never Let Me Go\n\nA *quiet* film about memory and loss.", "text/html"));
            routes.MapGet("/data.json", () => Results.Content("{\"title\": \"Never Let Me Go\"}", "application/json"));
        });
        var markdown = site.Url("notes.md").AbsoluteUri;
        var json = site.Url("data.json").AbsoluteUri;

        var result = await Nlmg.RunAsync(database.Settings(), "scrape", markdown, json);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"FAILED {markdown}: the response is not an HTML page (it starts with \"# Never Let Me Go\"); nothing was stored", result.OutLines);
        Assert.Contains($"FAILED {json}: content type application/json is not HTML", result.OutLines);
        Assert.Equal(0, await database.CountAsync($"select count(*) from reviews where url in ('{markdown}', '{json}')"));
    }

    [Fact]
    public async Task A_copy_on_the_same_site_naming_a_stored_canonical_url_updates_that_review()
    {
        string? canonical = null;
        await using var site = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/original.html", () => Page(canonical!, "<p>The first version of this review.</p>"));
            routes.MapGet("/amp/original.html", () => Page(canonical!, "<p>The second version of this review, edited.</p>"));
        });
        canonical = site.Url("original.html").AbsoluteUri;

        var first = await Nlmg.RunAsync(database.Settings(), "scrape", canonical);
        var copy = await Nlmg.RunAsync(database.Settings(), "scrape", site.Url("amp/original.html").AbsoluteUri);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["Stored 1 (created 0, updated 1), unchanged 0, failed 0"], copy.OutLines);
        Assert.Equal(1, await database.CountAsync($"select count(*) from reviews where url = '{canonical}'"));
        Assert.Equal(1, await database.CountAsync(
            $"select count(*) from review_blocks b join reviews r on r.id = b.review_id where r.url = '{canonical}' and b.text like '%second version%'"));
        Assert.Equal(0, await database.CountAsync($"select count(*) from reviews where url like '%/amp/%'"));
    }

    [Fact]
    public async Task A_page_on_another_site_naming_a_stored_canonical_url_is_stored_as_its_own_review()
    {
        // Read from a file, the page's canonical URL is trusted: it is the original on blog.example.
        const string original = "https://blog.example/2010/09/never-let-me-go.html";
        var file = Path.Combine(Path.GetTempPath(), $"nlmg-canonical-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, Html(original, "<p>The author's own words.</p>"));
        await using var site = await LocalSite.StartAsync(root: null, routes =>
            routes.MapGet("/scraped-copy.html", () => Page(original, "<p>Somebody else's words under the author's name.</p>")));
        var copy = site.Url("scraped-copy.html").AbsoluteUri;

        var first = await Nlmg.RunAsync(database.Settings(), "scrape", file);
        var second = await Nlmg.RunAsync(database.Settings(), "scrape", copy);
        File.Delete(file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["Stored 1 (created 1, updated 0), unchanged 0, failed 0"], second.OutLines);
        Assert.Equal(1, await database.CountAsync(
            $"select count(*) from review_blocks b join reviews r on r.id = b.review_id where r.url = '{original}' and b.text like '%own words%'"));
        Assert.Equal(1, await database.CountAsync($"select count(*) from reviews where url = '{copy}'"));
    }

    [Fact]
    public async Task Deleting_a_review_records_who_did_it_and_its_work_leaves_the_lists_when_it_was_the_last()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nlmg-delete-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, Html("https://delete.example/review.html", Opinion, work: "A Film Nobody Else Reviewed"));
        var scraped = await Nlmg.RunAsync(database.Settings(), "scrape", file);
        File.Delete(file);
        Assert.True(scraped.ExitCode == 0, scraped.ToString());
        var id = await database.CountAsync("select id from reviews where url = 'https://delete.example/review.html'");
        var workId = await database.CountAsync($"select work_id from reviews where id = {id}");
        Assert.Equal(1, await database.CountAsync($"select count(*) from reviews where work_id = {workId}"));

        var deleted = await Nlmg.RunAsync(database.Settings(), "reviews", "delete", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var again = await Nlmg.RunAsync(database.Settings(), "reviews", "delete", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.StartsWith($"Deleted review {id} (https://delete.example/review.html) of work ", deleted.OutLines.Single(), StringComparison.Ordinal);
        Assert.Equal(0, await database.CountAsync($"select count(*) from reviews where id = {id}"));
        Assert.Equal(0, await database.CountAsync($"select count(*) from review_blocks where review_id = {id}"));
        Assert.Equal(1, await database.CountAsync($"select count(*) from review_deletions where review_id = {id} and actor like 'nlmg (%)'"));
        await using var db = database.OpenDataSource();
        var works = await new NeverLetMeGo.Data.Works.WorkQueries(db).ListAsync(100, null, CancellationToken.None);
        Assert.DoesNotContain(works, w => w.Id == workId);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"no review {id}", again.Error, StringComparison.Ordinal);
    }

    // A stray NUL (a CMS's broken template) made the whole response "not an HTML page"; past the first 4 KB it reached the
    // database, which refuses NUL in text, and the page failed there. Browsers drop it; so does extraction now.
    [Fact]
    public async Task A_page_with_a_stray_nul_is_stored_without_it()
    {
        string? url = null;
        await using var site = await LocalSite.StartAsync(root: null, routes =>
            routes.MapGet("/nul.html", () => Page(url!, "<p>The second\0 paragraph, with a NUL in it.</p><p>A third\0 one" + new string(' ', 5000) + "after 4 KB.</p>")));
        url = site.Url("nul.html").AbsoluteUri;

        var result = await Nlmg.RunAsync(database.Settings(), "scrape", url);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, await database.CountAsync($"select count(*) from review_blocks b join reviews r on r.id = b.review_id where r.url = '{url}' and b.text = 'The second paragraph, with a NUL in it.'"));
        Assert.Equal(1, await database.CountAsync($"select count(*) from review_blocks b join reviews r on r.id = b.review_id where r.url = '{url}' and b.text = 'A third one after 4 KB.'"));
    }

    private static IResult Page(string canonical, string body) => Results.Content(Html(canonical, body), "text/html");

    private static string Html(string canonical, string body, string work = "Never Let Me Go") =>
        $"<html><head><title>{work} review</title><link rel=\"canonical\" href=\"{canonical}\"></head>" +
        $"<body><article><h1>{work}</h1>{Opinion}{body}</article></body></html>";
}
