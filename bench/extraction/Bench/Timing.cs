using System.Diagnostics;
using System.Globalization;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>Wall-clock and process CPU time of one measured operation over every page, several rounds.</summary>
internal sealed record Timing(string Name, int Pages, TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen2, TimeSpan Paused)
{
    public const string Header = "operation                                 pages/s (CPU)  pages/s (wall)  ms/page (CPU)  KB alloc/page  gen0  gen2  GC pause ms/page";

    public double PagesPerCpuSecond => Pages / Cpu.TotalSeconds;

    public double PagesPerWallSecond => Pages / Wall.TotalSeconds;

    /// <summary>The best of <paramref name="rounds"/> passes over every page: the machine is shared, so slower rounds measure the neighbours.</summary>
    public static Timing Measure(string name, string[] pages, int rounds, Action<string> action)
    {
        Timing? best = null;
        for (var r = 0; r < rounds; r++)
        {
            var probe = Probe.Start();
            foreach (var page in pages)
            {
                action(page);
            }

            var round = probe.Stop(name, pages.Length);
            if (best is null || round.Cpu < best.Cpu)
            {
                best = round;
            }
        }

        return best ?? throw new ArgumentOutOfRangeException(nameof(rounds), "at least one round");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-41} {PagesPerCpuSecond,13:0.0}  {PagesPerWallSecond,14:0.0}  {1000 / PagesPerCpuSecond,13:0.000}  {AllocatedBytes / 1024.0 / Pages,13:0.0}  {Gen0,4}  {Gen2,4}  {Paused.TotalMilliseconds / Pages,16:0.000}");
}

/// <summary>Counters read before and after a measured block.</summary>
internal readonly record struct Probe(long Ticks, TimeSpan Cpu, long Allocated, int Gen0, int Gen2, TimeSpan Paused)
{
    public static Probe Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new Probe(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime,
            GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    }

    public Timing Stop(string name, int pages) => new(
        name,
        pages,
        Stopwatch.GetElapsedTime(Ticks),
        Process.GetCurrentProcess().TotalProcessorTime - Cpu,
        GC.GetAllocatedBytesForCurrentThread() - Allocated,
        GC.CollectionCount(0) - Gen0,
        GC.CollectionCount(2) - Gen2,
        GC.GetTotalPauseDuration() - Paused);
}
