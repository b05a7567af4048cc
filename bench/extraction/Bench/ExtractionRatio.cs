using System.Globalization;
using HtmlAgilityPack;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>
/// Extraction alone (ReviewPipeline.Extract, no tagging) against HtmlAgilityPack's parse-only, alternating round by round
/// on the same pages in memory, so both see the same neighbours on a shared machine; then the steps without tagging.
/// </summary>
internal static class ExtractionRatio
{
    public static int Run(TextWriter output, string[] pages, int rounds, Uri url)
    {
        // Warm-up: JIT, tiered compilation and the class-name memo reach their steady state.
        for (var i = 0; i < 3; i++)
        {
            Time(pages, Parse);
            Time(pages, page => Extract(page, url));
        }

        var parses = new List<Timing>();
        var extracts = new List<Timing>();
        var loads = new List<Timing>();
        for (var r = 0; r < rounds; r++)
        {
            parses.Add(Timing.Measure("HtmlAgilityPack parse only", pages, 1, Parse));
            loads.Add(Timing.Measure("  our load (checks + parse)", pages, 1, Load));
            extracts.Add(Timing.Measure("extraction only (ReviewPipeline.Extract)", pages, 1, page => Extract(page, url)));
        }

        var ratios = parses.Zip(extracts, (p, e) => e.PagesPerCpuSecond / p.PagesPerCpuSecond).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Length} pages, {rounds} alternating rounds after three warm-up rounds, one thread"));
        output.WriteLine(Timing.Header);
        output.WriteLine(parses.MinBy(t => t.Cpu));
        output.WriteLine(extracts.MinBy(t => t.Cpu));
        output.WriteLine(loads.MinBy(t => t.Cpu));
        output.WriteLine();
        output.WriteLine("steps of extraction, wall time within one pass per page:");
        StageProfile.Write(output, pages, Math.Min(rounds, 3), url, tag: false);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extraction speed / parse-only speed (pages per CPU second), per round: {string.Join(", ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}; median {ratios[ratios.Count / 2]:0.00}"));
        return 0;
    }

    private static void Time(string[] pages, Action<string> action)
    {
        foreach (var page in pages)
        {
            action(page);
        }
    }

    private static void Parse(string page)
    {
        var document = new HtmlDocument();
        document.LoadHtml(page);
    }

    private static void Load(string page)
    {
        try
        {
            HtmlLoader.Load(page);
        }
        catch (ExtractionException)
        {
            // Refused pages still cost their time.
        }
    }

    private static void Extract(string page, Uri url)
    {
        try
        {
            ReviewPipeline.Extract(page, url);
        }
        catch (ExtractionException)
        {
            // Refused pages still cost their time.
        }
    }
}
