using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>Sitemaps as sites publish them: compressed files, entries that are no URL (its own database: it counts jobs).</summary>
public sealed class SitemapEdgeTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    // System.Uri parses "https://:443@host/…" and then throws when it is built again: the whole source's poll failed on
    // that one entry. It is skipped now, and the entries beside it are queued.
    [Fact]
    public async Task An_entry_that_is_no_url_is_skipped_and_the_others_are_queued()
    {
        LocalSite? self = null;
        await using var site = await LocalSite.StartAsync(root: null, routes =>
            routes.MapGet("/sitemap-odd.xml", () => Results.Text($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://:443@blog.example/odd</loc></url>
                  <url><loc>{self!.Url("odd/1.html").AbsoluteUri}</loc></url>
                </urlset>
                """, "application/xml")));
        self = site;
        Assert.Equal(0, (await Nlmg.RunAsync(Settings, "sources", "add", site.Url("sitemap-odd.xml").AbsoluteUri)).ExitCode);
        var poll = await Nlmg.RunAsync(Settings, "sources", "poll");

        Assert.True(poll.ExitCode == 0, poll.ToString());
        Assert.Equal(1, await JobsAsync(site.Url("odd/1.html")));
    }

    // A sitemap index whose one child is gone (404) lost the entries of all the others with it.
    [Fact]
    public async Task A_child_sitemap_that_fails_is_skipped_and_its_siblings_are_read()
    {
        LocalSite? self = null;
        await using var site = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/index-partial.xml", () => Results.Text($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>{self!.Url("gone.xml").AbsoluteUri}</loc></sitemap>
                  <sitemap><loc>{self!.Url("kept.xml").AbsoluteUri}</loc></sitemap>
                </sitemapindex>
                """, "application/xml"));
            routes.MapGet("/gone.xml", () => Results.NotFound());
            routes.MapGet("/kept.xml", () => Results.Text($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{self!.Url("kept/1.html").AbsoluteUri}</loc></url></urlset>
                """, "application/xml"));
        });
        self = site;
        Assert.Equal(0, (await Nlmg.RunAsync(Settings, "sources", "add", site.Url("index-partial.xml").AbsoluteUri)).ExitCode);
        var poll = await Nlmg.RunAsync(Settings, "sources", "poll");

        Assert.True(poll.ExitCode == 0, poll.ToString());
        Assert.Equal(1, await JobsAsync(site.Url("kept/1.html")));
        Assert.Contains("gone.xml", poll.ToString(), StringComparison.Ordinal);
        var list = await Nlmg.RunAsync(Settings, "sources", "list");
        Assert.Contains(list.OutLines, l => l.Contains("index-partial.xml", StringComparison.Ordinal)
            && l.Contains($"error: 1 of 2 child sitemaps failed, first {site.Url("gone.xml").AbsoluteUri}", StringComparison.Ordinal));
    }

    // The sitemaps protocol allows a sitemap file compressed with gzip (sitemap.xml.gz, served as a gzip file, not with a
    // Content-Encoding): it was read as text and failed as "not well-formed XML". A compressed sitemap that expands past
    // the body limit still fails, as a page does.
    [Fact]
    public async Task A_gzipped_sitemap_file_is_read_and_a_gzip_bomb_is_not()
    {
        LocalSite? self = null;
        await using var site = await LocalSite.StartAsync(root: null, routes =>
        {
            routes.MapGet("/sitemap-reviews.xml.gz", () => Results.Bytes(Gzip(Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>{self!.Url("g/0.html").AbsoluteUri}</loc></url>
                  <url><loc>{self!.Url("g/1.html").AbsoluteUri}</loc></url>
                </urlset>
                """)), "application/x-gzip"));
            routes.MapGet("/bomb.xml.gz", () => Results.Bytes(Gzip(new byte[64 * 1024 * 1024]), "application/x-gzip"));
        });
        self = site;
        Assert.Equal(0, (await Nlmg.RunAsync(Settings, "sources", "add", site.Url("sitemap-reviews.xml.gz").AbsoluteUri, "--kind", "sitemap")).ExitCode);
        Assert.Equal(0, (await Nlmg.RunAsync(Settings, "sources", "add", site.Url("bomb.xml.gz").AbsoluteUri, "--kind", "sitemap")).ExitCode);
        var poll = await Nlmg.RunAsync(Settings, "sources", "poll");

        Assert.Contains("Queued 2 new entries.", poll.OutLines);
        Assert.Equal(1, await JobsAsync(site.Url("g/1.html")));
        Assert.Contains("exceeds", poll.ToString(), StringComparison.Ordinal);
    }

    // No politeness delay for the local site; every source due at once.
    private IReadOnlyDictionary<string, string?> Settings => database.Settings(("Scraper:HostDelaySeconds", "0"), ("Scraper:SourcePollMinutes", "0"));

    private Task<long> JobsAsync(Uri page) => database.CountAsync($"select count(*) from scrape_jobs where url = '{page.AbsoluteUri}'");

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(bytes);
        return buffer.ToArray();
    }
}
