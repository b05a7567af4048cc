using Npgsql;

namespace NeverLetMeGo.Data.Jobs;

/// <summary>The scrape_jobs table as a queue: claim with FOR UPDATE SKIP LOCKED; at most one open job per URL.</summary>
public sealed class ScrapeJobQueue(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>Adds a pending job, or returns the id of the URL's pending/running job.</summary>
    public Task<long> EnqueueAsync(string url, CancellationToken ct) => throw new NotImplementedException(db.ToString() + clock);

    /// <summary>Claims the oldest due pending job (or one whose lease expired) for this worker; null when none is due.</summary>
    public Task<ScrapeJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken ct) => throw new NotImplementedException();

    public Task CompleteAsync(long jobId, string outcome, long? reviewId, CancellationToken ct) => throw new NotImplementedException();

    /// <summary>Records the error; retries later with backoff until maxAttempts, then the job is dead.</summary>
    public Task FailAsync(long jobId, string error, int maxAttempts, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<ScrapeJob>> ListAsync(string? state, int limit, CancellationToken ct) => throw new NotImplementedException();
}
