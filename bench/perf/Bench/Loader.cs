using System.Diagnostics;
using System.Globalization;
using NeverLetMeGo.Core;
using NeverLetMeGo.Data.Postgres;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Bench.Perf;

/// <summary>
/// Loads synthetic reviews through the product's save path (<see cref="ReviewStore.SaveAsync"/>: one transaction per
/// review, blocks and comment blocks by binary COPY), several reviews at once.
/// </summary>
internal static class Loader
{
    public static async Task<string> ConnectAsync(CancellationToken ct)
    {
        // The product's own resolution: the embedded cluster in Database__DataDirectory (started or reused) and migrations.
        var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        var (connectionString, _) = await ReviewsDatabase.ResolveAsync(config, logs.CreateLogger("bench"), ct);
        return connectionString;
    }

    public static async Task<int> RunAsync(int from, int to, int parallel, CancellationToken ct)
    {
        var connectionString = await ConnectAsync(ct);
        // Bulk loading only: this session does not wait for the WAL flush at commit. The API and workers measured later
        // use the server's defaults.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c synchronous_commit=off", MaxPoolSize = parallel + 2 };
        await using var db = NpgsqlDataSource.Create(builder.ConnectionString);
        var store = new ReviewStore(db);
        var fetchedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        var done = 0;
        long blocks = 0, comments = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.Error.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"  loaded {Volatile.Read(ref done):N0}/{to - from:N0} in {clock.Elapsed.TotalSeconds:0}s")),
            null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
        await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (i, token) =>
        {
            var review = Corpus.Review(i);
            await store.SaveAsync(review, ContentHash.Compute(review), fetchedAt, token);
            Interlocked.Add(ref blocks, review.Blocks.Count);
            Interlocked.Add(ref comments, review.Comments.Count);
            Interlocked.Increment(ref done);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded reviews {from}..{to - 1}: {done} reviews, {blocks} blocks, {comments} comments in {seconds:0.0} s = {done / seconds:0.0} reviews/s ({parallel} at once)"));

        // Fresh statistics for the planner, as autovacuum would give a settled database.
        await using var analyze = db.CreateCommand("analyze");
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(ct);
        return 0;
    }
}
