using Dapper;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>Writes extracted reviews: upsert by canonical URL, one transaction per review.</summary>
public sealed class ReviewStore(NpgsqlDataSource db)
{
    // A row can appear or vanish between two statements of the transaction; a few rounds always settle it.
    private const int MaxRounds = 5;

    /// <summary>
    /// Upserts the work (by normalized title), the site (by host), the review (by canonical URL) and replaces its blocks
    /// and comments. Same content hash as stored: only fetched_at is touched and the outcome is Unchanged.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Review review, string contentHash, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        var workTitle = WorkKeys.Title(review.Work.Title);
        var workKey = WorkKeys.Key(review.Work, workTitle, review.Url);
        var host = WorkKeys.Host(review.Url);
        ReviewChildren.Validate(review);

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var round = 0; round < MaxRounds; round++)
        {
            var (stored, work, siteId) = await LookUpAsync(connection, tx, review.Url, (workTitle, workKey), host, review.SiteName, ct);
            var workId = work.Id;
            if (stored is not null && string.Equals(stored.ContentHash, contentHash, StringComparison.Ordinal))
            {
                await TouchAsync(connection, tx, stored.Id, fetchedAt, ct);
                await tx.CommitAsync(ct);
                return new SaveResult(stored.Id, stored.WorkId, SaveOutcome.Unchanged);
            }

            // Decided here, once, with the work's stored title and the corrections a re-scrape keeps.
            var parents = CommentThread.ResolveParents(review.Comments);
            var decision = ReviewDecider.Decide(new ReviewFacts
            {
                Title = review.Title,
                TitleLevel = review.TitleLevel,
                WorkTitle = work.Title,
                Blocks = review.Blocks,
                Comments = [.. review.Comments.Select((c, i) => new ThreadComment(parents[i], c.Blocks))],
                Corrections = stored?.Corrections ?? [],
                RatingNormalized = review.Rating?.Normalized,
            });
            SaveOutcome outcome;
            long reviewId;
            await using var children = new NpgsqlBatch(connection, tx);
            if (stored is not null)
            {
                (reviewId, outcome) = (stored.Id, SaveOutcome.Updated);
                children.BatchCommands.Add(UpdateCommand(reviewId, review, workId, siteId, contentHash, fetchedAt, decision));
                children.BatchCommands.Add(ReviewChildren.DeleteCommand(reviewId));
            }
            else if (await InsertAsync(connection, tx, review, workId, siteId, contentHash, fetchedAt, decision, ct) is { } id)
            {
                (reviewId, outcome) = (id, SaveOutcome.Created);
            }
            else
            {
                continue; // Another transaction stored this URL after we looked: lock its row next round.
            }

            foreach (var command in ReviewChildren.InsertCommands(reviewId, review, parents, decision))
                children.BatchCommands.Add(command);
            await children.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return new SaveResult(reviewId, workId, outcome);
        }
        throw new InvalidOperationException($"Could not store {review.Url}: its row kept changing under concurrent saves.");
    }

    /// <summary>
    /// The stored review of the URL (locked, with its corrections), the work and the site's id, in one round trip; the rare
    /// races of the upserts (a row committed after the statement's snapshot) are settled one statement at a time.
    /// </summary>
    private static async Task<(StoredReview? Stored, StoredWork Work, long SiteId)> LookUpAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string url, (string Title, string Key) work, string host, string? siteName, CancellationToken ct)
    {
        var name = SiteName(host, siteName);
        await using var batch = new NpgsqlBatch(c, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(LockStoredSql) { Parameters = { new NpgsqlParameter<string>("url", url) } },
                new NpgsqlBatchCommand(UpsertWorkSql)
                {
                    Parameters = { new NpgsqlParameter<string>("title", work.Title), new NpgsqlParameter<string>("key", work.Key) },
                },
                new NpgsqlBatchCommand(UpsertSiteSql) { Parameters = { new NpgsqlParameter<string>("host", host), new NpgsqlParameter<string>("name", name) } },
                new NpgsqlBatchCommand(CorrectionsSql) { Parameters = { new NpgsqlParameter<string>("url", url) } },
            },
        };
        StoredReview? stored = null;
        StoredWork? storedWork = null;
        StoredSite? site = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
                stored = new StoredReview { Id = reader.GetInt64(0), WorkId = reader.GetInt64(1), ContentHash = reader.GetString(2) };
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct))
                storedWork = new StoredWork { Id = reader.GetInt64(0), Title = reader.GetString(1) };
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct))
                site = new StoredSite { Id = reader.GetInt64(0), Name = reader.GetString(1) };
            await reader.NextResultAsync(ct);
            var corrections = new List<BlockCorrection>();
            while (await reader.ReadAsync(ct))
                corrections.Add(ReviewDecisions.Correction(reader.GetInt32(0), reader.GetInt16(1), reader.GetString(2)));
            if (stored is not null)
                stored = stored with { Corrections = corrections };
        }
        var siteId = site is null ? await UpsertSiteAsync(c, tx, host, siteName, ct) : await RenameAsync(c, tx, site, host, name, ct);
        return (stored, storedWork ?? await UpsertWorkAsync(c, tx, work, ct), siteId);
    }

    private const string CorrectionsSql = """
        select o.ordinal, o.level, o.source
        from block_level_overrides o
        join reviews r on r.id = o.review_id
        where r.url = @url
        """;

    private const string LockStoredSql = """
        select id, work_id, content_hash
        from reviews
        where url = @url
        for update
        """;

    private static Task TouchAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        const string sql = "update reviews set fetched_at = @fetchedAt where id = @id";
        return c.ExecuteAsync(new CommandDefinition(sql, new { id, fetchedAt = fetchedAt.ToUniversalTime() }, tx, cancellationToken: ct));
    }

    // DO NOTHING (not a no-op DO UPDATE) so concurrent saves of one work's reviews never queue on its row.
    private const string UpsertWorkSql = """
        with inserted as (
            insert into works (title, title_key) values (@title, @key)
            on conflict (title_key) do nothing
            returning id, title
        )
        select id, title from inserted
        union all
        select id, title from works where title_key = @key
        limit 1
        """;

    private static async Task<StoredWork> UpsertWorkAsync(NpgsqlConnection c, NpgsqlTransaction tx, (string Title, string Key) work, CancellationToken ct)
    {
        var args = new { title = work.Title, key = work.Key };
        for (var round = 0; round < MaxRounds; round++)
        {
            // Empty when a concurrent insert committed after this statement's snapshot: the next round sees it.
            if (await c.QuerySingleOrDefaultAsync<StoredWork>(new CommandDefinition(UpsertWorkSql, args, tx, cancellationToken: ct)) is { } stored)
                return stored;
        }
        throw new InvalidOperationException($"Could not store the work '{work.Title}'.");
    }

    private const string UpsertSiteSql = """
        with inserted as (
            insert into sites (host, name) values (@host, @name)
            on conflict (host) do nothing
            returning id, name
        )
        select id, name from inserted
        union all
        select id, name from sites where host = @host
        limit 1
        """;

    // A site first seen without a name is named by its host until a page names it.
    private static string SiteName(string host, string? siteName) => string.IsNullOrWhiteSpace(siteName) ? host : siteName.Trim();

    private static async Task<long> UpsertSiteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string host, string? siteName, CancellationToken ct)
    {
        var name = SiteName(host, siteName);
        for (var round = 0; round < MaxRounds; round++)
        {
            var site = await c.QuerySingleOrDefaultAsync<StoredSite>(new CommandDefinition(UpsertSiteSql, new { host, name }, tx, cancellationToken: ct));
            if (site is not null)
                return await RenameAsync(c, tx, site, host, name, ct);
        }
        throw new InvalidOperationException($"Could not store the site {host}.");
    }

    private static async Task<long> RenameAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredSite site, string host, string name, CancellationToken ct)
    {
        const string rename = "update sites set name = @name where id = @id and name = @host";
        if (!string.Equals(site.Name, name, StringComparison.Ordinal) && !string.Equals(name, host, StringComparison.Ordinal))
            await c.ExecuteAsync(new CommandDefinition(rename, new { id = site.Id, name, host }, tx, cancellationToken: ct));
        return site.Id;
    }

    private static async Task<long?> InsertAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Review review, long workId, long siteId, string contentHash, DateTimeOffset fetchedAt, ReviewDecision decision, CancellationToken ct)
    {
        const string sql = $"""
            insert into reviews (work_id, site_id, url, title, title_level, author, published_at,
                                 rating_raw, rating_value, rating_scale, rating_normalized, content_hash, fetched_at,
                                 {ReviewDecisions.SummaryColumns})
            values (@workId, @siteId, @url, @title, @titleLevel, @author, @publishedAt,
                    @ratingRaw, @ratingValue, @ratingScale, @ratingNormalized, @contentHash, @fetchedAt,
                    {ReviewDecisions.SummaryValues})
            on conflict (url) do nothing
            returning id
            """;
        await using var command = new NpgsqlCommand(sql, c, tx);
        AddColumns(command.Parameters, review, workId, siteId, contentHash, fetchedAt, decision);
        return await command.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    private static NpgsqlBatchCommand UpdateCommand(long id, Review review, long workId, long siteId, string contentHash, DateTimeOffset fetchedAt, ReviewDecision decision)
    {
        const string sql = $"""
            update reviews set
                work_id = @workId, site_id = @siteId, title = @title, title_level = @titleLevel, author = @author, published_at = @publishedAt,
                rating_raw = @ratingRaw, rating_value = @ratingValue, rating_scale = @ratingScale,
                rating_normalized = @ratingNormalized, content_hash = @contentHash, fetched_at = @fetchedAt,
                {ReviewDecisions.SummarySet}, updated_at = now()
            where id = @id
            """;
        var command = new NpgsqlBatchCommand(sql) { Parameters = { new NpgsqlParameter<long>("id", id) } };
        AddColumns(command.Parameters, review, workId, siteId, contentHash, fetchedAt, decision);
        return command;
    }

    /// <summary>The review's own columns and its decided summary: the one place a review row's values are named.</summary>
    private static void AddColumns(NpgsqlParameterCollection p, Review review, long workId, long siteId, string contentHash, DateTimeOffset fetchedAt, ReviewDecision decision)
    {
        p.Add(new NpgsqlParameter<long>("workId", workId));
        p.Add(new NpgsqlParameter<long>("siteId", siteId));
        p.Add(new NpgsqlParameter<string>("url", review.Url));
        p.Add(Nullable("title", NpgsqlDbType.Text, review.Title));
        p.Add(new NpgsqlParameter<short>("titleLevel", (short)review.TitleLevel));
        p.Add(Nullable("author", NpgsqlDbType.Text, review.Author));
        // Npgsql writes timestamptz from offset-zero values only.
        p.Add(Nullable("publishedAt", NpgsqlDbType.TimestampTz, review.PublishedAt?.ToUniversalTime()));
        p.Add(Nullable("ratingRaw", NpgsqlDbType.Text, review.Rating?.Raw));
        p.Add(Nullable("ratingValue", NpgsqlDbType.Double, review.Rating?.Value));
        p.Add(Nullable("ratingScale", NpgsqlDbType.Double, review.Rating?.Scale));
        p.Add(Nullable("ratingNormalized", NpgsqlDbType.Double, review.Rating?.Normalized));
        p.Add(new NpgsqlParameter<string>("contentHash", contentHash));
        p.Add(new NpgsqlParameter<DateTimeOffset>("fetchedAt", fetchedAt.ToUniversalTime()));
        ReviewDecisions.AddSummary(p, decision);
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };

    private sealed record StoredReview
    {
        public long Id { get; init; }
        public long WorkId { get; init; }
        public string ContentHash { get; init; } = "";
        public IReadOnlyList<BlockCorrection> Corrections { get; init; } = [];
    }

    private sealed class StoredWork
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
    }

    private sealed class StoredSite
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }
}
