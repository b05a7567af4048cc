using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>Re-scrapes through the real worker: an unchanged page costs a 304, a changed one is extracted and tagged again.</summary>
public sealed class RescrapeTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    private const string Plain = """
        <p>Never Let Me Go is a quiet film about three friends who grow up at a boarding school in the English countryside.</p>
        <p>The performances are restrained and the photography is lovely; the score does a great deal of the work.</p>
        <p>The ending takes place by the sea, and the film lets a long silence do the talking.</p>
        """;

    private const string Warned = """
        <p>Never Let Me Go is a quiet film about three friends who grow up at a boarding school in the English countryside.</p>
        <p>The performances are restrained and the photography is lovely; the score does a great deal of the work.</p>
        <p>Spoiler warning: major spoilers ahead, stop reading now if you have not seen it.</p>
        <p>The ending takes place by the sea, and the film lets a long silence do the talking.</p>
        """;

    [Fact]
    public async Task A_spoiler_warning_the_author_adds_later_is_picked_up_by_the_next_scrape_and_the_masking_follows()
    {
        var version = 1;
        await using var site = await LocalSite.StartAsync(root: null, routes => routes.MapGet("/review", (HttpContext c) =>
        {
            var etag = $"\"v{version}\"";
            if (c.Request.Headers.IfNoneMatch == etag)
                return Results.StatusCode(StatusCodes.Status304NotModified);
            c.Response.Headers.ETag = etag;
            var body = version == 1 ? Plain : Warned;
            return Results.Content($"<html><head><title>Never Let Me Go review</title></head><body><article><h1>Never Let Me Go</h1>{body}</article></body></html>", "text/html");
        }));
        var url = site.Url("review").AbsoluteUri;

        Assert.Equal("created", await ScrapeAsync(url));
        var reviewId = await database.CountAsync($"select id from reviews where url = '{url}'");
        Assert.Equal(0, await database.CountAsync($"select count(*) from review_blocks where review_id = {reviewId} and warning"));
        Assert.Equal(0, await LevelOfLastParagraphAsync(reviewId));
        Assert.Equal("unchanged", await ScrapeAsync(url));

        version = 2;
        Assert.Equal("updated", await ScrapeAsync(url));

        Assert.Equal(reviewId, await database.CountAsync($"select id from reviews where url = '{url}'"));
        Assert.Equal(1, await database.CountAsync($"select count(*) from review_blocks where review_id = {reviewId} and warning"));
        Assert.Equal(2, await LevelOfLastParagraphAsync(reviewId));
        Assert.Equal(3, site.Requests.Count(r => r.Path == "/review"));
    }

    private Task<long> LevelOfLastParagraphAsync(long reviewId) =>
        database.CountAsync($"select spoiler_level from review_blocks where review_id = {reviewId} and text like 'The ending takes place%'");

    private async Task<string?> ScrapeAsync(string url)
    {
        var settings = database.Settings(("Scraper:HostDelaySeconds", "0"), ("Scraper:PollIntervalSeconds", "0.1"));
        var enqueued = await Nlmg.RunAsync(settings, "enqueue", url);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());
        var worker = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty");
        Assert.True(worker.ExitCode == 0, worker.ToString());
        await using var db = database.OpenDataSource();
        var newest = (await new ScrapeJobQueue(db, TimeProvider.System).ListAsync(null, 1, CancellationToken.None)).Single();
        Assert.True(newest.State == "done", $"{newest.State}: {newest.LastError}");
        return newest.Outcome;
    }
}
