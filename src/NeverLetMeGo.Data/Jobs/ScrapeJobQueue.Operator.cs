using Dapper;

namespace NeverLetMeGo.Data.Jobs;

/// <summary>What <see cref="ScrapeJobQueue.RetryAsync"/> did with one job.</summary>
public enum RetryOutcome
{
    Retried,
    NotFound,

    /// <summary>The job is pending or running: nothing to retry.</summary>
    StillOpen,

    /// <summary>Another job for the same URL is already pending or running.</summary>
    AlreadyQueued,
}

/// <summary>Operator actions on the queue.</summary>
public sealed partial class ScrapeJobQueue
{
    /// <summary>Puts a dead (or done) job back to pending with a fresh attempt count, due now.</summary>
    public async Task<RetryOutcome> RetryAsync(long jobId, CancellationToken ct)
    {
        const string sql = """
            update scrape_jobs j set state = 'pending', attempts = 0, run_after = @now, updated_at = @now
            where j.id = @jobId and j.state in ('dead', 'done')
              and not exists (select 1 from scrape_jobs o where o.url = j.url and o.state in ('pending', 'running'))
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { jobId, now = clock.GetUtcNow() };
        if (await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct)) == 1)
            return RetryOutcome.Retried;
        var job = await GetAsync(jobId, ct);
        return job switch
        {
            null => RetryOutcome.NotFound,
            { State: ScrapeJobStates.Pending or ScrapeJobStates.Running } => RetryOutcome.StillOpen,
            _ => RetryOutcome.AlreadyQueued,
        };
    }

    /// <summary>Retries every dead job (the newest per URL, and only URLs with no open job); returns how many.</summary>
    public async Task<int> RetryDeadAsync(CancellationToken ct)
    {
        const string sql = """
            update scrape_jobs set state = 'pending', attempts = 0, run_after = @now, updated_at = @now
            where id in (
                select distinct on (d.url) d.id
                from scrape_jobs d
                where d.state = 'dead'
                  and not exists (select 1 from scrape_jobs o where o.url = d.url and o.state in ('pending', 'running'))
                order by d.url, d.id desc)
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { now = clock.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>Number of jobs in each state (every state present, zero included).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(CancellationToken ct)
    {
        const string sql = "select state, count(*) as count from scrape_jobs group by state";
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(sql, cancellationToken: ct));
        var counts = ScrapeJobStates.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        foreach (var (state, count) in rows)
            counts[state] = count;
        return counts;
    }
}

/// <summary>Worker-side actions besides claim, complete and fail.</summary>
public sealed partial class ScrapeJobQueue
{
    /// <summary>Gives a job this worker holds back to the queue, due now, without counting the attempt (a clean shutdown).</summary>
    public async Task<bool> AbandonAsync(long jobId, string workerId, CancellationToken ct)
    {
        const string sql = """
            update scrape_jobs set
                state = 'pending', attempts = greatest(attempts - 1, 0), run_after = @now,
                locked_by = null, locked_until = null, updated_at = @now
            where id = @jobId and state = 'running' and locked_by = @workerId
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new { jobId, workerId, now = clock.GetUtcNow() };
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct)) == 1;
    }
}
