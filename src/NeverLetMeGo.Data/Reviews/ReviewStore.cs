using Dapper;
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
        var host = WorkKeys.Host(review.Url);
        ReviewChildren.Validate(review);

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var round = 0; round < MaxRounds; round++)
        {
            var (stored, workId, siteId) = await LookUpAsync(connection, tx, review.Url, workTitle, host, review.SiteName, ct);
            if (stored is not null && string.Equals(stored.ContentHash, contentHash, StringComparison.Ordinal))
            {
                await TouchAsync(connection, tx, stored.Id, fetchedAt, ct);
                await tx.CommitAsync(ct);
                return new SaveResult(stored.Id, stored.WorkId, SaveOutcome.Unchanged);
            }

            var values = ReviewValues.From(review, workId, siteId, contentHash, fetchedAt);
            SaveOutcome outcome;
            long reviewId;
            await using var children = new NpgsqlBatch(connection, tx);
            if (stored is not null)
            {
                (reviewId, outcome) = (stored.Id, SaveOutcome.Updated);
                children.BatchCommands.Add(UpdateCommand(reviewId, values));
                children.BatchCommands.Add(ReviewChildren.DeleteCommand(reviewId));
            }
            else if (await InsertAsync(connection, tx, values, ct) is { } id)
            {
                (reviewId, outcome) = (id, SaveOutcome.Created);
            }
            else
            {
                continue; // Another transaction stored this URL after we looked: lock its row next round.
            }

            foreach (var command in ReviewChildren.InsertCommands(reviewId, review))
                children.BatchCommands.Add(command);
            await children.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return new SaveResult(reviewId, workId, outcome);
        }
        throw new InvalidOperationException($"Could not store {review.Url}: its row kept changing under concurrent saves.");
    }

    /// <summary>
    /// The stored review of the URL (locked), the work's id and the site's id, in one round trip; the rare races of the
    /// upserts (a row committed after the statement's snapshot) are settled one statement at a time.
    /// </summary>
    private static async Task<(StoredReview? Stored, long WorkId, long SiteId)> LookUpAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string url, string workTitle, string host, string? siteName, CancellationToken ct)
    {
        var name = SiteName(host, siteName);
        await using var batch = new NpgsqlBatch(c, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(LockStoredSql) { Parameters = { new NpgsqlParameter<string>("url", url) } },
                new NpgsqlBatchCommand(UpsertWorkSql)
                {
                    Parameters = { new NpgsqlParameter<string>("title", workTitle), new NpgsqlParameter<string>("key", WorkKeys.TitleKey(workTitle)) },
                },
                new NpgsqlBatchCommand(UpsertSiteSql) { Parameters = { new NpgsqlParameter<string>("host", host), new NpgsqlParameter<string>("name", name) } },
            },
        };
        StoredReview? stored = null;
        long? workId = null;
        StoredSite? site = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
                stored = new StoredReview { Id = reader.GetInt64(0), WorkId = reader.GetInt64(1), ContentHash = reader.GetString(2) };
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct))
                workId = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct))
                site = new StoredSite { Id = reader.GetInt64(0), Name = reader.GetString(1) };
        }
        var siteId = site is null ? await UpsertSiteAsync(c, tx, host, siteName, ct) : await RenameAsync(c, tx, site, host, name, ct);
        return (stored, workId ?? await UpsertWorkAsync(c, tx, workTitle, ct), siteId);
    }

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
            returning id
        )
        select id from inserted
        union all
        select id from works where title_key = @key
        limit 1
        """;

    private static async Task<long> UpsertWorkAsync(NpgsqlConnection c, NpgsqlTransaction tx, string title, CancellationToken ct)
    {
        var args = new { title, key = WorkKeys.TitleKey(title) };
        for (var round = 0; round < MaxRounds; round++)
        {
            // Empty when a concurrent insert committed after this statement's snapshot: the next round sees it.
            if (await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(UpsertWorkSql, args, tx, cancellationToken: ct)) is { } id)
                return id;
        }
        throw new InvalidOperationException($"Could not store the work '{title}'.");
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

    private static Task<long?> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ReviewValues v, CancellationToken ct)
    {
        const string sql = """
            insert into reviews (work_id, site_id, url, title, author, published_at,
                                 rating_raw, rating_value, rating_scale, rating_normalized,
                                 contains_spoilers, max_spoiler_level, content_hash, fetched_at)
            values (@WorkId, @SiteId, @Url, @Title, @Author, @PublishedAt,
                    @RatingRaw, @RatingValue, @RatingScale, @RatingNormalized,
                    @ContainsSpoilers, @MaxSpoilerLevel, @ContentHash, @FetchedAt)
            on conflict (url) do nothing
            returning id
            """;
        return c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, v, tx, cancellationToken: ct));
    }

    private static NpgsqlBatchCommand UpdateCommand(long id, ReviewValues v)
    {
        const string sql = """
            update reviews set
                work_id = @WorkId, site_id = @SiteId, title = @Title, author = @Author, published_at = @PublishedAt,
                rating_raw = @RatingRaw, rating_value = @RatingValue, rating_scale = @RatingScale,
                rating_normalized = @RatingNormalized, contains_spoilers = @ContainsSpoilers,
                max_spoiler_level = @MaxSpoilerLevel, content_hash = @ContentHash, fetched_at = @FetchedAt,
                updated_at = now()
            where id = @Id
            """;
        return new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter<long>("Id", id),
                new NpgsqlParameter<long>("WorkId", v.WorkId),
                new NpgsqlParameter<long>("SiteId", v.SiteId),
                Nullable("Title", NpgsqlDbType.Text, v.Title),
                Nullable("Author", NpgsqlDbType.Text, v.Author),
                Nullable("PublishedAt", NpgsqlDbType.TimestampTz, v.PublishedAt),
                Nullable("RatingRaw", NpgsqlDbType.Text, v.RatingRaw),
                Nullable("RatingValue", NpgsqlDbType.Double, v.RatingValue),
                Nullable("RatingScale", NpgsqlDbType.Double, v.RatingScale),
                Nullable("RatingNormalized", NpgsqlDbType.Double, v.RatingNormalized),
                new NpgsqlParameter<bool>("ContainsSpoilers", v.ContainsSpoilers),
                new NpgsqlParameter<short>("MaxSpoilerLevel", v.MaxSpoilerLevel),
                new NpgsqlParameter<string>("ContentHash", v.ContentHash),
                new NpgsqlParameter<DateTimeOffset>("FetchedAt", v.FetchedAt),
            },
        };
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) => new(name, type) { Value = value ?? DBNull.Value };

    private sealed class StoredReview
    {
        public long Id { get; init; }
        public long WorkId { get; init; }
        public string ContentHash { get; init; } = "";
    }

    private sealed class StoredSite
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }
}
