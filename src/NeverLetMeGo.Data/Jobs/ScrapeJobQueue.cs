using Dapper;
using Npgsql;

namespace NeverLetMeGo.Data.Jobs;

/// <summary>A claimed job and the validators the last fetch of its URL left (null when it was never fetched).</summary>
public sealed record ClaimedJob(ScrapeJob Job, StoredValidators? Validators);

/// <summary>
/// What a job's completion saves with it: the validators of its fetch (null: keep those stored, e.g. after a 304). The
/// worker's counters are written apart, summed over a second (the worker's MetricsBuffer).
/// </summary>
public sealed record JobCompletion(string Url, StoredValidators? Validators)
{
    /// <summary>Nothing beside the job itself (without validators the URL is not used).</summary>
    public static JobCompletion JobOnly { get; } = new("", null);
}

/// <summary>The scrape_jobs table as a queue: claim with FOR UPDATE SKIP LOCKED; at most one open job per URL.</summary>
/// <remarks>Times come from the injected clock, not the database's, so that tests control leases and backoff.</remarks>
public sealed partial class ScrapeJobQueue(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns = """
        id, url, state, attempts, last_error, failure_kind, outcome, review_id, run_after, locked_by, locked_until, created_at, updated_at, source_id
        """;

    /// <summary>First retry after 30 s, doubling per attempt, never more than an hour (before jitter).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>Adds a pending job, or returns the id of the URL's pending/running job.</summary>
    public Task<long> EnqueueAsync(string url, CancellationToken ct) => EnqueueAsync(url, sourceId: null, ct);

    /// <summary>As above, recording the sitemap or feed the URL came from (an open job keeps what it has).</summary>
    public async Task<long> EnqueueAsync(string url, long? sourceId, CancellationToken ct)
    {
        const string insert = """
            insert into scrape_jobs (url, state, attempts, run_after, created_at, updated_at, source_id)
            values (@url, 'pending', 0, @now, @now, @now, @sourceId)
            on conflict (url) where state in ('pending', 'running') do nothing
            returning id
            """;
        const string open = "select id from scrape_jobs where url = @url and state in ('pending', 'running')";
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        await using var connection = await db.OpenConnectionAsync(ct);
        // The open job may finish between the two statements; then the next insert succeeds.
        for (var round = 0; round < 5; round++)
        {
            var args = new { url, sourceId, now = clock.GetUtcNow() };
            if (await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(insert, args, cancellationToken: ct)) is { } id)
                return id;
            if (await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(open, args, cancellationToken: ct)) is { } existing)
                return existing;
        }
        throw new InvalidOperationException($"Could not enqueue {url}: its job kept changing state.");
    }

    /// <summary>Claims the oldest due pending job (or one whose lease expired) for this worker; null when none is due.</summary>
    public async Task<ScrapeJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken ct)
        => (await ClaimWithValidatorsAsync(workerId, lease, int.MaxValue, ct))?.Job;

    /// <summary>As above; a job whose worker was lost on its last allowed attempt is made dead instead of taken again.</summary>
    public async Task<ScrapeJob?> ClaimAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken ct)
        => (await ClaimWithValidatorsAsync(workerId, lease, maxAttempts, ct))?.Job;

    /// <summary>As <see cref="ClaimWithValidatorsAsync(string, TimeSpan, int, CancellationToken)"/> with no attempt limit.</summary>
    public Task<ClaimedJob?> ClaimWithValidatorsAsync(string workerId, TimeSpan lease, CancellationToken ct)
        => ClaimWithValidatorsAsync(workerId, lease, int.MaxValue, ct);

    /// <summary>
    /// As <see cref="ClaimAsync(string, TimeSpan, CancellationToken)"/>, with what the last fetch of the job's URL left (its
    /// validators) read in the same statement: the worker needs both before every fetch. The attempt is counted here, at
    /// the claim, so a page that kills its worker uses its attempts up too: an expired lease on the last allowed attempt
    /// makes the job dead ("worker lost") rather than handing it to the next worker to kill.
    /// </summary>
    public async Task<ClaimedJob?> ClaimWithValidatorsAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken ct)
    {
        const string sql = $"""
            with lost as (
                update scrape_jobs set
                    state = 'dead', last_error = 'worker lost ' || attempts || ' times', failure_kind = 'worker_lost',
                    locked_by = null, locked_until = null, updated_at = @now
                where id in (
                    select id from scrape_jobs
                    where state = 'running' and locked_until < @now and attempts >= @maxAttempts
                    for update skip locked)),
            claimed as (
                update scrape_jobs set
                    state = 'running', locked_by = @workerId, locked_until = @lockedUntil,
                    attempts = attempts + 1, updated_at = @now
                where id = (
                    select id from scrape_jobs
                    where (state = 'pending' and run_after <= @now)
                       or (state = 'running' and locked_until < @now and attempts < @maxAttempts)
                    order by run_after, id
                    for update skip locked
                    limit 1)
                returning {Columns})
            select c.*, v.url is not null as has_validators, v.etag as validator_etag, v.last_modified as validator_last_modified,
                   v.content_hash as validator_content_hash, v.review_id as validator_review_id
            from claimed c left join page_validators v on v.url = c.url
            """;
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ClaimedRecord>(
            new CommandDefinition(sql, new { workerId, now, lockedUntil = now + lease, maxAttempts }, cancellationToken: ct));
        if (row is null)
            return null;
        var validators = row.HasValidators
            ? new StoredValidators(row.ValidatorEtag, row.ValidatorLastModified, row.ValidatorContentHash, row.ValidatorReviewId)
            : null;
        return new ClaimedJob(row.ToJob(), validators);
    }

    /// <summary>Extends the lease of a job this worker still holds; false when the job is no longer its own.</summary>
    public async Task<bool> HeartbeatAsync(long jobId, string workerId, TimeSpan lease, CancellationToken ct)
    {
        const string sql = """
            update scrape_jobs set locked_until = @lockedUntil, updated_at = @now
            where id = @jobId and state = 'running' and locked_by = @workerId
            """;
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { jobId, workerId, now, lockedUntil = now + lease };
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct)) == 1;
    }

    /// <summary>Completes the job alone: no validators saved.</summary>
    public Task CompleteAsync(long jobId, string outcome, long? reviewId, CancellationToken ct)
        => CompleteAsync(jobId, outcome, reviewId, JobCompletion.JobOnly, ct);

    /// <summary>
    /// Completes the job and saves the validators its fetch left (when given), in one round trip and one transaction: a
    /// retry after a failure never leaves a done job without its validators.
    /// </summary>
    public async Task CompleteAsync(long jobId, string outcome, long? reviewId, JobCompletion completion, CancellationToken ct)
    {
        const string sql = """
            update scrape_jobs set
                state = 'done', outcome = @outcome, review_id = @reviewId, last_error = null,
                locked_by = null, locked_until = null, updated_at = @now
            where id = @jobId and state = 'running'
            """;
        ArgumentNullException.ThrowIfNull(completion);
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        if (completion.Validators is { } validators)
            batch.BatchCommands.Add(PageValidatorStore.SaveCommand(completion.Url, validators, now));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter<long>("jobId", jobId),
                new NpgsqlParameter<string>("outcome", outcome),
                new NpgsqlParameter("reviewId", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)reviewId ?? DBNull.Value },
                new NpgsqlParameter<DateTimeOffset>("now", now),
            },
        });
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records the error; retries later with backoff until maxAttempts, then the job is dead.</summary>
    public Task<bool> FailAsync(long jobId, string error, int maxAttempts, CancellationToken ct) =>
        FailAsync(jobId, new JobFailure(error, JobFailure.OtherKind), maxAttempts, ct);

    /// <summary>
    /// Records the failure; retries later with backoff until maxAttempts (a permanent failure is dead at once).
    /// True when this made the job dead; false when it will be retried or was no longer running.
    /// </summary>
    public async Task<bool> FailAsync(long jobId, JobFailure failure, int maxAttempts, CancellationToken ct)
    {
        // Delay = min(30 s · 2^(attempts-1), 1 h) · jitter; the exponent is capped first so the interval cannot overflow.
        // A Retry-After from the server, when later than that, wins.
        const string sql = """
            update scrape_jobs set
                state = case when attempts >= @maxAttempts or @permanent then 'dead' else 'pending' end,
                run_after = case when attempts >= @maxAttempts or @permanent then run_after
                    else greatest(@notBefore, @now + interval '1 second'
                        * least(@firstDelay * power(2, least(greatest(attempts - 1, 0), 30)), @maxDelay) * @jitter)
                    end,
                last_error = @error, failure_kind = @kind, locked_by = null, locked_until = null, updated_at = @now
            where id = @jobId and state = 'running'
            returning state
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        // ±20 %, so that jobs failing together do not all come back together.
        var jitter = 0.8 + (0.4 * Random.Shared.NextDouble());
        var now = clock.GetUtcNow();
        var args = new
        {
            jobId,
            error = failure.Reason,
            kind = failure.Kind,
            permanent = failure.Permanent,
            maxAttempts,
            now,
            notBefore = now + (failure.RetryAfter ?? TimeSpan.Zero),
            firstDelay = FirstRetryDelay.TotalSeconds,
            maxDelay = MaxRetryDelay.TotalSeconds,
            jitter,
        };
        await using var connection = await db.OpenConnectionAsync(ct);
        var state = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sql, args, cancellationToken: ct));
        return state == ScrapeJobStates.Dead;
    }

    /// <summary>Newest first, optionally only one state.</summary>
    public async Task<IReadOnlyList<ScrapeJob>> ListAsync(string? state, int limit, CancellationToken ct)
    {
        const string sql = $"""
            select {Columns}
            from scrape_jobs
            where @state::text is null or state = @state
            order by id desc
            limit @limit
            """;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<JobRecord>(new CommandDefinition(sql, new { state, limit }, cancellationToken: ct));
        return rows.Select(r => r.ToJob()).ToList();
    }

    public async Task<ScrapeJob?> GetAsync(long jobId, CancellationToken ct)
    {
        const string sql = $"select {Columns} from scrape_jobs where id = @jobId";
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JobRecord>(new CommandDefinition(sql, new { jobId }, cancellationToken: ct));
        return row?.ToJob();
    }

    private sealed class ClaimedRecord : JobRecord
    {
        public bool HasValidators { get; init; }
        public string? ValidatorEtag { get; init; }
        public string? ValidatorLastModified { get; init; }
        public string? ValidatorContentHash { get; init; }
        public long? ValidatorReviewId { get; init; }
    }

    private class JobRecord
    {
        public long Id { get; init; }
        public string Url { get; init; } = "";
        public string State { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public string? FailureKind { get; init; }
        public string? Outcome { get; init; }
        public long? ReviewId { get; init; }
        public DateTime RunAfter { get; init; }
        public string? LockedBy { get; init; }
        public DateTime? LockedUntil { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public long? SourceId { get; init; }

        public ScrapeJob ToJob() => new()
        {
            Id = Id,
            Url = Url,
            State = State,
            Attempts = Attempts,
            LastError = LastError,
            FailureKind = FailureKind,
            Outcome = Outcome,
            ReviewId = ReviewId,
            RunAfter = SqlMapping.Offset(RunAfter),
            LockedBy = LockedBy,
            LockedUntil = SqlMapping.Offset(LockedUntil),
            CreatedAt = SqlMapping.Offset(CreatedAt),
            UpdatedAt = SqlMapping.Offset(UpdatedAt),
            SourceId = SourceId,
        };
    }
}
