using System.Diagnostics;
using System.Globalization;
using System.Text;
using HtmlAgilityPack;
using NeverLetMeGo.Core;

namespace NeverLetMeGo.Bench.Perf;

/// <summary>Serves the scrape pages from memory on loopback (one port per origin), and times parsing them.</summary>
internal static class PageServer
{
    public static async Task<int> ServeAsync(string samples, int pages, int basePort, int origins, CancellationToken ct)
    {
        var templates = Pages.Templates(samples);
        var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var set in (string[])["a", "b"])
        {
            for (var page = 0; page < pages; page++)
            {
                var url = Pages.Url(set, page, basePort, origins);
                bodies[new Uri(url).AbsolutePath] = Encoding.UTF8.GetBytes(Pages.Page(templates, url, page));
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (var port = basePort; port < basePort + origins; port++)
                k.Listen(System.Net.IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.MapGet("/{set}/{file}", (HttpContext http) =>
            bodies.TryGetValue(http.Request.Path.Value ?? "", out var body)
                ? Results.Bytes(body, "text/html; charset=utf-8")
                : Results.NotFound());
        await app.StartAsync(ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serving {bodies.Count} pages on 127.0.0.1:{basePort}-{basePort + origins - 1}"));
        await app.WaitForShutdownAsync(ct);
        return 0;
    }

    public static void WriteUrls(string set, int pages, int basePort, int origins)
    {
        for (var page = 0; page < pages; page++)
            Console.WriteLine(Pages.Url(set, page, basePort, origins));
    }

    /// <summary>HtmlAgilityPack parse-only on one thread and on every core: best round of each (our pipeline: <see cref="Pipeline"/>).</summary>
    public static int Parse(string samples, int pages, int basePort, int origins, int rounds)
    {
        var templates = Pages.Templates(samples);
        var html = Enumerable.Range(0, pages).Select(p => Pages.Page(templates, Pages.Url("a", p, basePort, origins), p)).ToArray();
        var urls = Enumerable.Range(0, pages).Select(p => new Uri(Pages.Url("a", p, basePort, origins))).ToArray();
        var cores = Environment.ProcessorCount;

        double Best(Action run)
        {
            run(); // warm-up: JIT and tiering
            var best = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                run();
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            return pages / best;
        }

        var one = Best(() => { foreach (var page in html) new HtmlDocument().LoadHtml(page); });
        var all = Best(() => Parallel.For(0, pages, new ParallelOptions { MaxDegreeOfParallelism = cores }, i => new HtmlDocument().LoadHtml(html[i])));
        var kb = html.Average(h => Encoding.UTF8.GetByteCount(h)) / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parse_1={one:0.0} parse_all={all:0.0} cores={cores} page_kb={kb:0.0}"));
        return 0;
    }

    /// <summary>
    /// Extraction and tagging of the same pages in memory on every core, in a fresh process like `nlmg scrape`: the first
    /// pass finds the sentence encoder's cache empty (cold), the second finds it filled by the first (warm).
    /// </summary>
    public static int Pipeline(string samples, int pages, int basePort, int origins)
    {
        var templates = Pages.Templates(samples);
        var html = Enumerable.Range(0, pages).Select(p => Pages.Page(templates, Pages.Url("a", p, basePort, origins), p)).ToArray();
        var urls = Enumerable.Range(0, pages).Select(p => new Uri(Pages.Url("a", p, basePort, origins))).ToArray();
        var cores = Environment.ProcessorCount;

        double Pass()
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, pages, new ParallelOptions { MaxDegreeOfParallelism = cores }, i => ReviewPipeline.Process(html[i], urls[i]));
            return pages / clock.Elapsed.TotalSeconds;
        }

        var cold = Pass();
        var warm = Pass();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline_cold={cold:0.0} pipeline_warm={warm:0.0} cores={cores}"));
        return 0;
    }
}
