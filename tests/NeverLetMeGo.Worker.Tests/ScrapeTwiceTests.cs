using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class ScrapeTwiceTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task Scraping_the_sample_pages_again_over_HTTP_leaves_one_review_per_page_and_changes_nothing_once_the_work_is_known()
    {
        await using var site = await SampleSite.StartAsync();
        var urls = SampleSite.SampleUrls(site);
        Assert.Equal(4, urls.Count);

        var first = await Nlmg.RunAsync(database.Settings(), ["scrape", .. urls]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["Stored 4 (created 4, updated 0), unchanged 0, failed 0"], first.OutLines);
        // Not a terminal: one log line per page on stderr, naming it.
        foreach (var url in urls)
            Assert.Contains(first.Error.Split('\n'), line => line.Contains("Created " + url, StringComparison.Ordinal));

        // The second run knows the work from all four stored reviews (its vocabulary), which the first run's pages saw only
        // in part, so some tags may change; the third run knows what the second knew, and changes nothing.
        var second = await Nlmg.RunAsync(database.Settings(), ["scrape", .. urls]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"^Stored (\d) \(created 0, updated \1\), unchanged \d, failed 0$", second.OutLines.Single());
        var third = await Nlmg.RunAsync(database.Settings(), ["scrape", .. urls]);
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Equal(["Stored 0 (created 0, updated 0), unchanged 4, failed 0"], third.OutLines);

        Assert.Equal(4, await database.CountAsync("select count(*) from reviews"));
        // Every page was really fetched over HTTP, once per run.
        foreach (var url in urls)
            Assert.Equal(3, site.Requests.Count(r => new Uri(url).AbsolutePath == r.Path));
    }
}
