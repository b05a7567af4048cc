using System.Globalization;
using System.Text;
using HtmlAgilityPack;
using NeverLetMeGo.Bench.Extraction;
using NeverLetMeGo.Core;

// nlmg-bench-extraction speed <dir> [--rounds N]   time HtmlAgilityPack parse-only, our pipeline, and its stages
// nlmg-bench-extraction debug <file.html> [--probe TEXT]   the candidate containers the article extractor scored, its
//                                                  roots and blocks; with --probe, the elements around TEXT and their verdicts
// nlmg-bench-extraction metadata <gold.jsonl>       metadata accuracy per field against our own fixtures
// nlmg-bench-extraction loop <dir> [--rounds N]     extraction only, round after round, for a profiler to watch
// nlmg-bench-extraction ratio <dir> [--rounds N]    parse-only against extraction alone, alternating, and the steps without tagging
// nlmg-bench-extraction fuzz <dir> [--rounds N] [--seed S] [--tag]   broken pages: any failure the pipeline did not mean
if (args.Length < 2 || args[0] is not ("speed" or "debug" or "metadata" or "loop" or "ratio" or "fuzz"))
{
    Console.Error.WriteLine("usage: nlmg-bench-extraction speed <dir> [--rounds N] | debug <file.html> [--probe TEXT] | metadata <gold.jsonl> | loop <dir> [--rounds N] | ratio <dir> [--rounds N] | fuzz <dir> [--rounds N] [--seed S] [--tag]");
    return 1;
}

if (args[0] == "metadata")
{
    return MetadataAccuracy.Run(Console.Out, args[1]);
}

if (args[0] == "debug")
{
    CandidateDump.Write(Console.Out, File.ReadAllText(args[1]), args.Length > 3 && args[2] == "--probe" ? args[3] : null);
    return 0;
}

var rounds = args.Length > 3 && args[2] == "--rounds" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
if (args[0] == "fuzz")
{
    var seedAt = Array.IndexOf(args, "--seed");
    var seed = seedAt > 0 && seedAt + 1 < args.Length ? int.Parse(args[seedAt + 1], CultureInfo.InvariantCulture) : 1;
    var named = Directory.EnumerateFiles(args[1], "*.html").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
    return PageFuzz.Run(Console.Out, named, rounds, seed, args.Contains("--tag"));
}

var pages = Directory.EnumerateFiles(args[1], "*.html").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
var url = new Uri("https://bench.invalid/page");
if (args[0] == "loop")
{
    for (var r = 0; r < rounds; r++)
    {
        Console.WriteLine(Timing.Measure("extraction only (ReviewPipeline.Extract)", pages, 1, page => TryExtract(page, url)));
    }

    return 0;
}

if (args[0] == "ratio")
{
    return ExtractionRatio.Run(Console.Out, pages, rounds, url);
}

var megabytes = pages.Sum(p => (long)Encoding.UTF8.GetByteCount(p)) / 1e6;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Length} pages, {megabytes:0.0} MB, best of {rounds} rounds after two warm-up rounds, one thread"));

// Warm-up: JIT, tiered compilation and the class-name memo reach their steady state.
for (var i = 0; i < 2; i++)
{
    foreach (var page in pages)
    {
        Parse(page);
        TryProcess(page, url);
    }
}

// Parse-only and the pipeline alternate round by round, so both see the same neighbours on a shared machine; the ratio
// of each pair is what carries over to another machine.
var parses = new List<Timing>();
var extracts = new List<Timing>();
var fulls = new List<Timing>();
for (var r = 0; r < rounds; r++)
{
    parses.Add(Timing.Measure("HtmlAgilityPack parse only", pages, 1, page => Parse(page)));
    extracts.Add(Timing.Measure("extraction only (ReviewPipeline.Extract)", pages, 1, page => TryExtract(page, url)));
    fulls.Add(Timing.Measure("extraction + tagging (ReviewPipeline)", pages, 1, page => TryProcess(page, url)));
}

var extractRatios = parses.Zip(extracts, (p, f) => f.PagesPerCpuSecond / p.PagesPerCpuSecond).Order().ToList();
var ratios = parses.Zip(fulls, (p, f) => f.PagesPerCpuSecond / p.PagesPerCpuSecond).Order().ToList();
var stages = StageTimer.Measure(pages, rounds, url);

Console.WriteLine();
Console.WriteLine(Timing.Header);
Console.WriteLine(parses.MinBy(t => t.Cpu));
Console.WriteLine(extracts.MinBy(t => t.Cpu));
Console.WriteLine(fulls.MinBy(t => t.Cpu));
foreach (var stage in stages)
{
    Console.WriteLine(stage);
}

Console.WriteLine();
Console.WriteLine("steps of the pipeline, wall time within one pass per page:");
StageProfile.Write(Console.Out, pages, rounds, url, tag: true);

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"extraction speed / parse-only speed (pages per CPU second), per round: {string.Join(", ", extractRatios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}; median {extractRatios[extractRatios.Count / 2]:0.00}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"pipeline (with tagging) speed / parse-only speed, per round: {string.Join(", ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}; median {ratios[ratios.Count / 2]:0.00}"));
return 0;

static void Parse(string page)
{
    var document = new HtmlDocument();
    document.LoadHtml(page);
}

static void TryExtract(string page, Uri url)
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

static void TryProcess(string page, Uri url)
{
    try
    {
        ReviewPipeline.Process(page, url);
    }
    catch (ExtractionException)
    {
        // Pages without article text still cost their time; they are counted like any other page.
    }
}
