using System.Globalization;
using NeverLetMeGo.Bench.Perf;

// nlmg-bench-perf: the pieces of bench/run that need the product's code. Database commands read the product's
// configuration from the environment (Database__DataDirectory, ConnectionStrings__Reviews).
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

static int Int(string[] args, int i) => int.Parse(args[i], CultureInfo.InvariantCulture);

return args.FirstOrDefault() switch
{
    "load" => await Loader.RunAsync(Int(args, 1), Int(args, 2), Int(args, 3), stop.Token),
    "bulk" => await BulkLoader.RunAsync(Int(args, 1), Int(args, 2), Int(args, 3), Int(args, 4), stop.Token),
    "gen" => Run(() => Generate(Int(args, 1))),
    "targets" => await Targets.WriteAsync(args[1], stop.Token),
    "etags" => await Targets.ETagsAsync(args[1], args[2], args[3], Int(args, 4), stop.Token),
    "baseline-fill" => await BaselineRows.FillAsync(Int(args, 1), Int(args, 2), stop.Token),
    "serve" => await PageServer.ServeAsync(args[1], Int(args, 2), Int(args, 3), Int(args, 4), stop.Token),
    "urls" => Run(() => PageServer.WriteUrls(args[1], Int(args, 2), Int(args, 3), Int(args, 4))),
    "parse" => PageServer.Parse(args[1], Int(args, 2), Int(args, 3), Int(args, 4), Int(args, 5)),
    "pipeline" => PageServer.Pipeline(args[1], Int(args, 2), Int(args, 3), Int(args, 4)),
    _ => Usage(),
};

static int Run(Action action)
{
    action();
    return 0;
}

// Client-side cost of the corpus: generation and content hashing, without the database.
static void Generate(int count)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var reviews = Enumerable.Range(0, count).Select(Corpus.Review).ToList();
    var generated = clock.Elapsed.TotalMilliseconds;
    var hashes = reviews.Sum(r => NeverLetMeGo.Core.ContentHash.Compute(r).Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{count} reviews generated in {generated:0} ms, hashed in {clock.Elapsed.TotalMilliseconds - generated:0} ms ({hashes} hash chars)"));
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: nlmg-bench-perf load <from> <to> <parallel>
               nlmg-bench-perf bulk <from> <to> <batch> <parallel>
               nlmg-bench-perf targets <folder>
               nlmg-bench-perf etags <base-url> <paths-file> <out-file> <count>
               nlmg-bench-perf baseline-fill <rows> <bytes>
               nlmg-bench-perf serve <samples-dir> <pages> <base-port> <origins>
               nlmg-bench-perf urls <set> <pages> <base-port> <origins>
               nlmg-bench-perf parse <samples-dir> <pages> <base-port> <origins> <rounds>
               nlmg-bench-perf pipeline <samples-dir> <pages> <base-port> <origins>
        """);
    return 64;
}
