using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class ScrapeFailureTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task Bad_pages_fail_alone_with_their_reason_while_the_others_are_stored()
    {
        await using var site = await SampleSite.StartAsync();
        var missing = site.Url("missing.html").AbsoluteUri;
        var image = site.Url("image.png").AbsoluteUri;
        var huge = site.Url("huge").AbsoluteUri;
        var broken = site.Url("broken").AbsoluteUri;
        var noFile = Path.Combine(Path.GetTempPath(), $"nlmg-{Guid.NewGuid():N}.html");
        var urls = SampleSite.SampleUrls(site);

        var result = await Nlmg.RunAsync(database.Settings(), ["scrape", missing, urls[0], image, urls[1], huge, urls[2], broken, urls[3], noFile]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(
            [
                "Stored 4 (created 4, updated 0), unchanged 0, failed 5",
                $"FAILED {missing}: HTTP 404 Not Found",
                $"FAILED {image}: content type image/png is not HTML",
                $"FAILED {huge}: body exceeds 5 MiB",
                $"FAILED {broken}: HTTP 500 Internal Server Error",
                $"FAILED {noFile}: no such file: {noFile}",
            ],
            result.OutLines);
        Assert.Equal(4, await database.CountAsync("select count(*) from reviews"));
        Assert.Contains($"Failed {image}: content type image/png is not HTML", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_takes_too_long_to_extract_fails_with_the_bound_and_the_next_page_is_stored()
    {
        // A few megabytes of markup take far longer than a millisecond to parse, so the bound trips every time.
        var slow = Path.Combine(Path.GetTempPath(), $"nlmg-slow-{Guid.NewGuid():N}.html");
        var paragraphs = string.Concat(Enumerable.Repeat("<div class=\"entry\"><p>An ordinary paragraph of a long review, with words.</p></div>", 40_000));
        await File.WriteAllTextAsync(slow, $"<html><body><article>{paragraphs}</article></body></html>");
        try
        {
            var result = await Nlmg.RunAsync(database.Settings(("Scraper:ParseTimeoutSeconds", "0.001")), ["scrape", slow]);

            Assert.True(result.ExitCode == 2, result.ToString());
            // Tried again alone after the rest (the bound is wall-clock time), and reported once.
            Assert.Single(result.OutLines, l => l == $"FAILED {slow}: extraction took longer than 0.001 s");
        }
        finally
        {
            File.Delete(slow);
        }
    }

    [Fact]
    public async Task Scrape_exits_with_1_when_the_database_is_unreachable()
    {
        var settings = new Dictionary<string, string?>
        {
            // Port 1 on loopback: nothing listens, the connection is refused at once.
            ["ConnectionStrings:Reviews"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3",
        };

        var result = await Nlmg.RunAsync(settings, "scrape", SamplePages.All[0]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: ", result.Error.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
