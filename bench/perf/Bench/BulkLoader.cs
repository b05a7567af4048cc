using System.Diagnostics;
using System.Globalization;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using Npgsql;
using NpgsqlTypes;

namespace NeverLetMeGo.Bench.Perf;

/// <summary>
/// The bench's bulk path, for the bulk of the corpus: the same rows <c>ReviewStore.SaveAsync</c> writes (same columns,
/// content hash from Core's <see cref="ContentHash"/>, decisions from Core's <see cref="ReviewDecider"/>, blocks and
/// comment blocks by binary COPY, search documents), but a batch of reviews
/// per statement. The reviews rows of a batch are committed in their own short transaction before their children: the
/// rating trigger locks the work's counter row until commit, which would otherwise serialise every batch that holds a
/// review of the popular work.
/// </summary>
internal static class BulkLoader
{
    private const NpgsqlDbType TimestampTzArray = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz;

    public static async Task<int> RunAsync(int from, int to, int batch, int parallel, CancellationToken ct)
    {
        var connectionString = await Loader.ConnectAsync(ct);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c synchronous_commit=off", MaxPoolSize = parallel + 2, CommandTimeout = 0 };
        await using var db = NpgsqlDataSource.Create(builder.ConnectionString);
        var fetchedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var works = await EnsureAsync(db, "works", "title", "title_key",
            [.. Enumerable.Range(0, 2000).Select(Corpus.WorkTitle)], t => WorkKey.For(t) is { Length: > 0 } k ? k : t.ToLowerInvariant(), ct);
        var sites = new Dictionary<string, long>(StringComparer.Ordinal);

        var clock = Stopwatch.StartNew();
        var done = 0;
        using var progress = new Timer(_ => Console.Error.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"  bulk {Volatile.Read(ref done):N0}/{to - from:N0} in {clock.Elapsed.TotalSeconds:0}s")),
            null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
        var batches = Enumerable.Range(0, (to - from + batch - 1) / batch).Select(b => (Start: from + b * batch, End: Math.Min(to, from + (b + 1) * batch)));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (range, token) =>
        {
            var reviews = Enumerable.Range(range.Start, range.End - range.Start).Select(Corpus.Review).ToList();
            long[] siteIds;
            lock (sites)
                siteIds = [.. reviews.Select(r => sites.GetValueOrDefault(new Uri(r.Url).Host))];
            if (siteIds.Contains(0))
            {
                var found = await EnsureAsync(db, "sites", "name", "host", [.. reviews.Select(r => r.SiteName!).Distinct()], Host, token);
                lock (sites)
                {
                    foreach (var (name, id) in found)
                        sites[Host(name)] = id;
                    siteIds = [.. reviews.Select(r => sites[new Uri(r.Url).Host])];
                }
            }
            // Decided by Core, as ReviewStore decides every review it writes.
            var decisions = reviews.Select(Decide).ToList();
            var ids = await InsertReviewsAsync(db, reviews, decisions, [.. reviews.Select(r => works[r.Work.Title])], siteIds, fetchedAt, token);
            await InsertChildrenAsync(db, reviews, decisions, ids, token);
            Interlocked.Add(ref done, reviews.Count);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk-loaded reviews {from}..{to - 1}: {done} in {seconds:0.0} s = {done / seconds:0.0} reviews/s ({parallel} batches of {batch} at once)"));
        await using var analyze = db.CreateCommand("analyze");
        await analyze.ExecuteNonQueryAsync(ct);
        return 0;
    }

    private static ReviewDecision Decide(Review review)
    {
        var parents = CommentThread.ResolveParents(review.Comments);
        return ReviewDecider.Decide(new ReviewFacts
        {
            Title = review.Title,
            WorkTitle = review.Work.Title,
            Blocks = review.Blocks,
            Comments = [.. review.Comments.Select((c, i) => new ThreadComment(parents[i], c.Blocks))],
            RatingNormalized = review.Rating?.Normalized,
        });
    }

    // The synthetic site names are "Site N Reviews" for host siteN.example.
    private static string Host(string siteName) => "site" + siteName.Split(' ')[1] + ".example";

    private static async Task<Dictionary<string, long>> EnsureAsync(
        NpgsqlDataSource db, string table, string nameColumn, string keyColumn, string[] names, Func<string, string> key, CancellationToken ct)
    {
        var sql = $"""
            insert into {table} ({nameColumn}, {keyColumn}) select * from unnest(@names::text[], @keys::text[]) on conflict ({keyColumn}) do nothing;
            select {nameColumn}, id from {table} where {keyColumn} = any(@keys)
            """;
        await using var command = db.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", names));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. names.Select(key)]));
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids[reader.GetString(0)] = reader.GetInt64(1);
        return ids;
    }

    private static async Task<long[]> InsertReviewsAsync(
        NpgsqlDataSource db, List<Review> reviews, List<ReviewDecision> decisions, long[] workIds, long[] siteIds, DateTime fetchedAt, CancellationToken ct)
    {
        const string sql = """
            insert into reviews (work_id, site_id, url, title, author, published_at, rating_raw, rating_value, rating_scale,
                                 rating_normalized, contains_spoilers, max_spoiler_level, content_hash,
                                 safe_title, title_replaced, premise_blocks, major_blocks, excerpt, excerpt_truncated, comment_count,
                                 rating_positive, fetched_at, decided_rules)
            select u.*, $22, $23 from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                                        $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::bool[], $12::int2[], $13::text[],
                                        $14::text[], $15::bool[], $16::int[], $17::int[], $18::text[], $19::bool[], $20::int[], $21::bool[]) as u
            returning id, url
            """;
        var summaries = decisions.Select(d => d.Summary).ToArray();
        await using var command = db.CreateCommand(sql);
        object[] values =
        [
            workIds, siteIds, reviews.Select(r => r.Url).ToArray(), reviews.Select(r => r.Title).ToArray(),
            reviews.Select(r => r.Author).ToArray(), reviews.Select(r => r.PublishedAt?.UtcDateTime).ToArray(),
            reviews.Select(r => r.Rating?.Raw).ToArray(), reviews.Select(r => r.Rating?.Value).ToArray(),
            reviews.Select(r => r.Rating?.Scale).ToArray(), reviews.Select(r => r.Rating?.Normalized).ToArray(),
            summaries.Select(d => d.ContainsSpoilers).ToArray(), summaries.Select(d => (short)d.HighestLevel).ToArray(),
            reviews.Select(ContentHash.Compute).ToArray(),
            decisions.Select(d => d.Title).ToArray(), decisions.Select(d => d.TitleReplaced).ToArray(),
            summaries.Select(d => d.PremiseBlocks).ToArray(), summaries.Select(d => d.MajorBlocks).ToArray(),
            summaries.Select(d => d.Excerpt).ToArray(), summaries.Select(d => d.ExcerptTruncated).ToArray(),
            decisions.Select(d => d.Comments.Count).ToArray(), decisions.Select(d => d.RatingPositive).ToArray(),
            fetchedAt, ReviewDecider.RulesVersion,
        ];
        foreach (var value in values)
            command.Parameters.Add(value is DateTime?[] ? new NpgsqlParameter { Value = value, NpgsqlDbType = TimestampTzArray } : new NpgsqlParameter { Value = value });
        var byUrl = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            byUrl[reader.GetString(1)] = reader.GetInt64(0);
        return [.. reviews.Select(r => byUrl[r.Url])];
    }

    private static async Task InsertChildrenAsync(NpgsqlDataSource db, List<Review> reviews, List<ReviewDecision> decisions, long[] ids, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Like pg_restore --disable-triggers: the children's foreign keys hold by construction (their parents were
        // inserted just before), so their per-row checks are skipped. The reviews rows above went through every trigger.
        await using (var replica = new NpgsqlCommand("set local session_replication_role = replica", connection, tx))
            await replica.ExecuteNonQueryAsync(ct);
        await CopyAsync(connection, "review_blocks (review_id", reviews.SelectMany((r, i) => r.Blocks.Select((b, j) => (ids[i], b, decisions[i].Blocks[j]))), ct, visibleFrom: true);
        await using (var search = new NpgsqlCommand("""
            insert into review_search (review_id, tolerance, document)
            select u.review_id, u.tolerance, to_tsvector('english', u.text) from unnest($1::bigint[], $2::int2[], $3::text[]) as u(review_id, tolerance, text)
            """, connection, tx))
        {
            var docs = decisions.SelectMany((d, i) => d.Searchable.Select((text, t) => (Review: ids[i], Tolerance: (short)t, Text: text))).ToList();
            search.Parameters.Add(new NpgsqlParameter { Value = docs.Select(d => d.Review).ToArray() });
            search.Parameters.Add(new NpgsqlParameter { Value = docs.Select(d => d.Tolerance).ToArray() });
            search.Parameters.Add(new NpgsqlParameter { Value = docs.Select(d => d.Text).ToArray() });
            await search.ExecuteNonQueryAsync(ct);
        }

        // The masked views the product stores with each review (ReviewViews), one per tolerance.
        await using (var views = new NpgsqlCommand("""
            insert into review_views (review_id, tolerance, hidden_blocks, blocks)
            select * from unnest($1::bigint[], $2::int2[], $3::int[], $4::bytea[])
            """, connection, tx))
        {
            var viewRows = decisions.SelectMany((d, i) => d.Views.Select((view, t) => (Review: ids[i], Tolerance: (short)t, View: view))).ToList();
            views.Parameters.Add(new NpgsqlParameter { Value = viewRows.Select(v => v.Review).ToArray() });
            views.Parameters.Add(new NpgsqlParameter { Value = viewRows.Select(v => v.Tolerance).ToArray() });
            views.Parameters.Add(new NpgsqlParameter { Value = viewRows.Select(v => v.View.HiddenBlocks).ToArray() });
            views.Parameters.Add(new NpgsqlParameter { Value = viewRows.Select(v => ReviewViews.Encode(v.View.Blocks)).ToArray() });
            await views.ExecuteNonQueryAsync(ct);
        }

        const string comments = """
            insert into comments (review_id, external_id, author, published_at, ordinal)
            select * from unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::int[])
            returning id, review_id, ordinal
            """;
        var all = reviews.SelectMany((r, i) => r.Comments.Select((c, o) => (Review: ids[i], Comment: c, Ordinal: o, Decided: decisions[i].Comments[o]))).ToList();
        var commentIds = new Dictionary<(long, int), long>();
        await using (var insert = new NpgsqlCommand(comments, connection, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = all.Select(c => c.Review).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = all.Select(c => c.Comment.Id).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = all.Select(c => c.Comment.Author).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = all.Select(c => c.Comment.PublishedAt?.UtcDateTime).ToArray(), NpgsqlDbType = TimestampTzArray });
            insert.Parameters.Add(new NpgsqlParameter { Value = all.Select(c => c.Ordinal).ToArray() });
            await using var reader = await insert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                commentIds[(reader.GetInt64(1), reader.GetInt32(2))] = reader.GetInt64(0);
        }

        // The synthetic threads are forests by construction (a reply names an earlier comment), so no cycle check.
        var links = all.Where(c => c.Comment.ParentId is not null)
            .Select(c => (Child: commentIds[(c.Review, c.Ordinal)], Parent: commentIds[(c.Review, int.Parse(c.Comment.ParentId!.AsSpan(8), CultureInfo.InvariantCulture))]))
            .ToList();
        await using (var link = new NpgsqlCommand(
            "update comments set parent_id = l.parent from unnest($1::bigint[], $2::bigint[]) as l(child, parent) where comments.id = l.child", connection, tx))
        {
            link.Parameters.Add(new NpgsqlParameter { Value = links.Select(l => l.Child).ToArray() });
            link.Parameters.Add(new NpgsqlParameter { Value = links.Select(l => l.Parent).ToArray() });
            await link.ExecuteNonQueryAsync(ct);
        }
        await CopyAsync(connection, "comment_blocks (comment_id", all.SelectMany(c => c.Comment.Blocks.Select((b, j) => (commentIds[(c.Review, c.Ordinal)], b, c.Decided[j]))), ct, visibleFrom: false);
        await tx.CommitAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection c, string tableAndOwner, IEnumerable<(long Owner, Block Block, Block Decided)> rows, CancellationToken ct, bool visibleFrom)
    {
        var extra = visibleFrom ? ", visible_from" : "";
        await using var copy = await c.BeginBinaryImportAsync(
            $"copy {tableAndOwner}, ordinal, kind, text, spoiler_level, warning, spoiler_score, reasons, decided_level, decided_warning, decided_reasons{extra}) from stdin (format binary)", ct);
        foreach (var (owner, block, decided) in rows)
        {
            // Synchronous writes: they only fill Npgsql's buffer, flushing now and then; async per value costs more here.
            copy.StartRow();
            copy.Write(owner, NpgsqlDbType.Bigint);
            copy.Write(block.Index, NpgsqlDbType.Integer);
            copy.Write(Kind(block.Kind), NpgsqlDbType.Text);
            copy.Write(block.Text, NpgsqlDbType.Text);
            copy.Write((short)block.Spoiler.Level, NpgsqlDbType.Smallint);
            copy.Write(block.Spoiler.Warning, NpgsqlDbType.Boolean);
            copy.Write(block.Spoiler.Score, NpgsqlDbType.Double);
            copy.Write(block.Spoiler.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            copy.Write((short)decided.Spoiler.Level, NpgsqlDbType.Smallint);
            copy.Write(decided.Spoiler.Warning, NpgsqlDbType.Boolean);
            copy.Write(decided.Spoiler.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            if (visibleFrom)
                copy.Write((short)ReviewDecider.VisibleFrom(decided), NpgsqlDbType.Smallint);
        }
        await copy.CompleteAsync(ct);
    }

    private static string Kind(BlockKind kind) => kind switch
    {
        BlockKind.Heading => "heading",
        BlockKind.ListItem => "listItem",
        BlockKind.Quote => "quote",
        _ => "paragraph",
    };
}
