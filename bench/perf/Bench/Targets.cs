using System.Globalization;
using Npgsql;

namespace NeverLetMeGo.Bench.Perf;

/// <summary>
/// The request lists wrk draws from at random (one path per line), read from the loaded database: work ids are not
/// 1…2000 (every upsert takes a sequence value), so they are looked up by title.
/// </summary>
internal static class Targets
{
    private const int Samples = 20_000;

    public static async Task<int> WriteAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var connectionString = await Loader.ConnectAsync(ct);
        await using var db = NpgsqlDataSource.Create(connectionString);
        var rng = new Random(42);

        var reviewIds = await ListAsync<long>(db, "select id from reviews order by id", ct);
        var works = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand("select id, title from works"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                works[reader.GetString(1)] = reader.GetInt64(0);
        }

        long WorkId(int work) => works[Corpus.WorkTitle(work)];
        // Lists and feeds: works drawn the way readers arrive, i.e. in proportion to their reviews.
        var byReview = Enumerable.Range(0, Samples).Select(_ => WorkId(Corpus.WorkOf(rng.Next(reviewIds.Count * 2)))).ToList();
        var stored = new HashSet<long>(works.Values);
        byReview.RemoveAll(id => !stored.Contains(id));

        await Write(folder, "reviews.txt", Enumerable.Range(0, Samples).Select(_ => $"/reviews/{reviewIds[rng.Next(reviewIds.Count)]}"), ct);
        await Write(folder, "work-reviews.txt", byReview.Select(id => $"/works/{id}/reviews"), ct);
        await Write(folder, "feeds.txt", byReview.Select(id => $"/works/{id}/feed.atom"), ct);
        await Write(folder, "rating.txt", works.Values.Select(id => $"/works/{id}/rating"), ct);
        await Write(folder, "rating-hot.txt", [$"/works/{WorkId(Corpus.HotWork)}/rating"], ct);
        await Write(folder, "rating-small.txt", [$"/works/{WorkId(Corpus.SmallWork)}/rating"], ct);
        // Searches for a character's name, from works other than the popular one (whose names match 50,000 reviews).
        var names = Enumerable.Range(2, 1998).Where(w => stored.Contains(WorkIdOrZero(works, w))).SelectMany(Corpus.Names).ToList();
        await Write(folder, "search.txt", Enumerable.Range(0, Samples).Select(_ => $"/search?q={Uri.EscapeDataString(names[rng.Next(names.Count)])}"), ct);

        var hotCount = await ScalarAsync(db, $"select count(*) from reviews where work_id = {WorkId(Corpus.HotWork)}", ct);
        var smallCount = await ScalarAsync(db, $"select count(*) from reviews where work_id = {WorkId(Corpus.SmallWork)}", ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"targets: {reviewIds.Count} reviews, {works.Count} works; popular work {WorkId(Corpus.HotWork)} has {hotCount} reviews, small work {WorkId(Corpus.SmallWork)} has {smallCount}"));
        return 0;
    }

    /// <summary>Fetches each path once and writes "path TAB etag" lines, for the If-None-Match run.</summary>
    public static async Task<int> ETagsAsync(string baseUrl, string pathsFile, string output, int count, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var paths = (await File.ReadAllLinesAsync(pathsFile, ct)).Take(count).ToList();
        var lines = new string[paths.Count];
        long bytes = 0;
        await Parallel.ForAsync(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            using var response = await http.GetAsync(paths[i], token);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsByteArrayAsync(token);
            Interlocked.Add(ref bytes, body.Length);
            lines[i] = $"{paths[i]}\t{response.Headers.ETag?.Tag ?? throw new InvalidOperationException($"no ETag on {paths[i]}")}";
        });
        await File.WriteAllLinesAsync(output, lines, ct);
        // The mean body size: the baseline serves rows of this size.
        Console.WriteLine(bytes / Math.Max(1, paths.Count));
        return 0;
    }

    private static long WorkIdOrZero(Dictionary<string, long> works, int work) =>
        works.GetValueOrDefault(Corpus.WorkTitle(work));

    private static async Task<List<T>> ListAsync<T>(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        var list = new List<T>();
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(reader.GetFieldValue<T>(0));
        return list;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static Task Write(string folder, string name, IEnumerable<string> lines, CancellationToken ct) =>
        File.WriteAllLinesAsync(Path.Combine(folder, name), lines, ct);
}
