using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>Several real `nlmg worker` processes on one queue: nothing lost, nothing stored twice, hosts spared.</summary>
public sealed class ScaleOutTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Two_workers_drain_500_jobs_once_each_and_keep_the_per_host_delay_between_them()
    {
        const double delaySeconds = 0.05;
        var sites = new List<LocalSite>();
        for (var i = 0; i < 5; i++)
            sites.Add(await CopySite.StartAsync());
        try
        {
            var urls = sites.SelectMany(s => CopySite.Urls(s, 100)).ToList();
            var settings = database.Settings(("Scraper:HostDelaySeconds", delaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var enqueued = await Nlmg.RunAsync(settings, ["enqueue", .. urls]);
            Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

            using var one = NlmgProcess.Start(settings, "worker", "--exit-when-empty", "--concurrency", "4");
            using var two = NlmgProcess.Start(settings, "worker", "--exit-when-empty", "--concurrency", "4");
            Assert.True(await one.WaitAsync(Patience) == 0, one.ToString());
            Assert.True(await two.WaitAsync(Patience) == 0, two.ToString());

            var done = new[] { one, two }.Sum(w => DoneCount(w.Out));
            Assert.Equal(500, done);
            Assert.Equal(500, await database.CountAsync("select count(*) from scrape_jobs where state = 'done'"));
            Assert.Equal(500, await database.CountAsync("select count(*) from reviews"));
            Assert.Equal(500, await database.CountAsync($"select count(*) from reviews where url in ({string.Join(", ", urls.Select(u => $"'{u}'"))})"));
            foreach (var site in sites)
            {
                // Every page fetched once, and never two requests to one host closer than the delay, whichever worker sent them.
                var hits = CopySite.PageHits(site);
                Assert.Equal(100, hits.Count);
                var closest = hits.Zip(hits.Skip(1), (a, b) => b - a).Min();
                Assert.True(closest >= TimeSpan.FromSeconds(delaySeconds) - TimeSpan.FromMilliseconds(1), $"two requests {closest.TotalMilliseconds} ms apart on {site.BaseUri}");
            }
        }
        finally
        {
            foreach (var site in sites)
                await site.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_worker_killed_mid_batch_leaves_its_jobs_to_a_second_worker_and_every_page_is_stored_once()
    {
        await using var site = await CopySite.StartAsync(delay: TimeSpan.FromMilliseconds(100));
        var urls = CopySite.Urls(site, 40);
        // The shortest lease and hold, so the killed worker's jobs and host come free within seconds.
        var settings = database.Settings(
            ("Scraper:HostDelaySeconds", "0"), ("Scraper:LeaseSeconds", "10"), ("Scraper:TimeoutSeconds", "5"), ("Scraper:PollIntervalSeconds", "0.2"));
        await database.ExecuteAsync("truncate scrape_jobs, page_validators, scrape_hosts, reviews cascade");
        var enqueued = await Nlmg.RunAsync(settings, ["enqueue", .. urls]);
        Assert.True(enqueued.ExitCode == 0, enqueued.ToString());

        using (var doomed = NlmgProcess.Start(settings, "worker", "--concurrency", "4"))
        {
            await WaitUntilAsync(async () => await database.CountAsync("select count(*) from scrape_jobs where state = 'done'") >= 5, doomed);
            doomed.Kill();
            await doomed.WaitAsync(Patience);
        }
        var left = await database.CountAsync("select count(*) from scrape_jobs where state <> 'done'");
        Assert.True(left > 0, "the worker finished before it was killed");

        using var second = NlmgProcess.Start(settings, "worker", "--concurrency", "4");
        await WaitUntilAsync(async () => await database.CountAsync("select count(*) from scrape_jobs where state <> 'done'") == 0, second);
        second.Kill();

        Assert.Equal(40, await database.CountAsync("select count(*) from reviews"));
        Assert.Equal(40, await database.CountAsync("select count(distinct url) from scrape_jobs where state = 'done'"));
        Assert.Equal(40, await database.CountAsync("select count(*) from scrape_jobs"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, NlmgProcess worker)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            try
            {
                await Task.Delay(100, patience.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail("gave up waiting\n" + worker);
            }
        }
    }

    private static int DoneCount(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"Queue drained: done (\d+), failed (\d+)");
        Assert.True(match.Success, output);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
