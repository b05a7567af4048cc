using Dapper;
using NeverLetMeGo.Core.Model;
using Npgsql;

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
            var stored = await LockStoredAsync(connection, tx, review.Url, ct);
            if (stored is not null && string.Equals(stored.ContentHash, contentHash, StringComparison.Ordinal))
            {
                await TouchAsync(connection, tx, stored.Id, fetchedAt, ct);
                await tx.CommitAsync(ct);
                return new SaveResult(stored.Id, stored.WorkId, SaveOutcome.Unchanged);
            }

            var workId = await UpsertWorkAsync(connection, tx, workTitle, ct);
            var siteId = await UpsertSiteAsync(connection, tx, host, review.SiteName, ct);
            var values = ReviewValues.From(review, workId, siteId, contentHash, fetchedAt);
            SaveOutcome outcome;
            long reviewId;
            if (stored is not null)
            {
                await UpdateAsync(connection, tx, stored.Id, values, ct);
                await ReviewChildren.DeleteAsync(connection, tx, stored.Id, ct);
                (reviewId, outcome) = (stored.Id, SaveOutcome.Updated);
            }
            else if (await InsertAsync(connection, tx, values, ct) is { } id)
            {
                (reviewId, outcome) = (id, SaveOutcome.Created);
            }
            else
            {
                continue; // Another transaction stored this URL after we looked: lock its row next round.
            }

            await ReviewChildren.InsertAsync(connection, tx, reviewId, review, ct);
            await tx.CommitAsync(ct);
            return new SaveResult(reviewId, workId, outcome);
        }
        throw new InvalidOperationException($"Could not store {review.Url}: its row kept changing under concurrent saves.");
    }

    private static Task<StoredReview?> LockStoredAsync(NpgsqlConnection c, NpgsqlTransaction tx, string url, CancellationToken ct)
    {
        const string sql = """
            select id, work_id, content_hash
            from reviews
            where url = @url
            for update
            """;
        return c.QuerySingleOrDefaultAsync<StoredReview>(new CommandDefinition(sql, new { url }, tx, cancellationToken: ct));
    }

    private static Task TouchAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        const string sql = "update reviews set fetched_at = @fetchedAt where id = @id";
        return c.ExecuteAsync(new CommandDefinition(sql, new { id, fetchedAt = fetchedAt.ToUniversalTime() }, tx, cancellationToken: ct));
    }

    private static async Task<long> UpsertWorkAsync(NpgsqlConnection c, NpgsqlTransaction tx, string title, CancellationToken ct)
    {
        // DO NOTHING (not a no-op DO UPDATE) so concurrent saves of one work's reviews never queue on its row.
        const string sql = """
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
        var args = new { title, key = WorkKeys.TitleKey(title) };
        for (var round = 0; round < MaxRounds; round++)
        {
            // Empty when a concurrent insert committed after this statement's snapshot: the next round sees it.
            if (await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, args, tx, cancellationToken: ct)) is { } id)
                return id;
        }
        throw new InvalidOperationException($"Could not store the work '{title}'.");
    }

    private static async Task<long> UpsertSiteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string host, string? siteName, CancellationToken ct)
    {
        const string sql = """
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
        const string rename = "update sites set name = @name where id = @id and name = @host";
        var name = string.IsNullOrWhiteSpace(siteName) ? host : siteName.Trim();
        for (var round = 0; round < MaxRounds; round++)
        {
            var site = await c.QuerySingleOrDefaultAsync<StoredSite>(new CommandDefinition(sql, new { host, name }, tx, cancellationToken: ct));
            if (site is null)
                continue;
            if (!string.Equals(site.Name, name, StringComparison.Ordinal) && !string.Equals(name, host, StringComparison.Ordinal))
                await c.ExecuteAsync(new CommandDefinition(rename, new { id = site.Id, name, host }, tx, cancellationToken: ct));
            return site.Id;
        }
        throw new InvalidOperationException($"Could not store the site {host}.");
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

    private static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ReviewValues v, CancellationToken ct)
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
        return c.ExecuteAsync(new CommandDefinition(sql, v with { Id = id }, tx, cancellationToken: ct));
    }

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
