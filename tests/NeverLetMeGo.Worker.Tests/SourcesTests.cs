using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>Sitemaps (with an index) and feeds registered as sources: new entries become jobs, once.</summary>
public sealed class SourcesTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task A_sitemap_index_and_an_rss_feed_queue_each_new_entry_once()
    {
        LocalSite? self = null;
        string Page(string path) => self!.Url(path).AbsoluteUri;
        await using var site = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/sitemap_index.xml", () => Xml($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>{Page("sitemap-posts.xml")}</loc></sitemap>
                </sitemapindex>
                """));
            routes.MapGet("/sitemap-posts.xml", () => Xml($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>{Page("c/0.html")}</loc></url>
                  <url><loc>{Page("c/1.html")}?utm_source=sitemap</loc></url>
                </urlset>
                """));
            routes.MapGet("/feed.xml", () => Xml($"""
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Reviews</title>
                  <item><title>One</title><link>{Page("c/1.html")}</link></item>
                  <item><title>Two</title><link>{Page("c/2.html")}#more</link></item>
                </channel></rss>
                """));
        });
        self = site;
        var settings = database.Settings(("Scraper:HostDelaySeconds", "0"), ("Scraper:SourcePollMinutes", "0"));

        var index = await Nlmg.RunAsync(settings, "sources", "add", site.Url("sitemap_index.xml").AbsoluteUri);
        var feed = await Nlmg.RunAsync(settings, "sources", "add", site.Url("feed.xml").AbsoluteUri);
        Assert.True(index.ExitCode == 0 && feed.ExitCode == 0, index + "\n" + feed);
        Assert.Contains("\tsitemap\t", index.Out, StringComparison.Ordinal);
        Assert.Contains("\tfeed\t", feed.Out, StringComparison.Ordinal);

        var poll = await Nlmg.RunAsync(settings, "sources", "poll");
        Assert.True(poll.ExitCode == 0, poll.ToString());
        // Four new entries (c/1 is in both sources) make three jobs: an open job for a URL is reused.
        Assert.Equal(["Queued 4 new entries."], poll.OutLines);
        var again = await Nlmg.RunAsync(settings, "sources", "poll");
        Assert.Equal(["Queued 0 new entries."], again.OutLines);
        Assert.Equal(3, await database.CountAsync("select count(*) from scrape_jobs"));
        Assert.Equal(1, await database.CountAsync($"select count(*) from scrape_jobs where url = '{Page("c/1.html")}'"));

        // Each job names the source that queued it; c/1 keeps the one that came first (the index, polled first).
        var indexId = long.Parse(index.Out.Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture);
        var feedId = long.Parse(feed.Out.Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = database.OpenDataSource())
        {
            var jobs = await new ScrapeJobQueue(db, TimeProvider.System).ListAsync(null, 10, CancellationToken.None);
            Assert.Equal(
                [(Page("c/0.html"), indexId), (Page("c/1.html"), indexId), (Page("c/2.html"), feedId)],
                jobs.OrderBy(j => j.Url, StringComparer.Ordinal).Select(j => (j.Url, j.SourceId ?? 0)));
        }
        var table = await Nlmg.RunAsync(settings, "jobs");
        Assert.Matches(@"^ID\s+STATE\s+ATTEMPTS\s+SOURCE\s+URL", table.OutLines[0]);
        Assert.Contains(table.OutLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^\d+\s+pending\s+0\s+{feedId}\s+{System.Text.RegularExpressions.Regex.Escape(Page("c/2.html"))}$"));

        var list = await Nlmg.RunAsync(settings, "sources", "list");
        Assert.Equal(2, list.OutLines.Length);
        Assert.Contains(list.OutLines, l => l.Contains("feed.xml", StringComparison.Ordinal) && l.Contains("entries 2", StringComparison.Ordinal));
        var id = index.Out.Split('\t')[0];
        var removed = await Nlmg.RunAsync(settings, "sources", "remove", id);
        Assert.Equal([$"Removed source {id}."], removed.OutLines);
        Assert.Single((await Nlmg.RunAsync(settings, "sources", "list")).OutLines);
    }

    private static IResult Xml(string text) => Results.Text(text, "application/xml");
}
