using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Queue;

/// <summary>
/// Drains scrape_jobs. Fetch loops (one per unit of concurrency) claim a job and fetch its page; as many process loops
/// extract, save and complete them; a bounded channel joins them. A bad page fails its own job; a database outage is
/// logged and backed off, never taken for an empty queue.
/// </summary>
internal sealed class ScrapeJobService(
    ScrapeJobQueue queue,
    JobFetcher fetcher,
    JobProcessor processor,
    MetricsBuffer metrics,
    IOptions<ScraperOptions> options,
    WorkerRunOptions run,
    WorkerStats stats,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ScrapeJobService> logger) : BackgroundService
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Worker {WorkerId} draining scrape jobs with {Concurrency} fetchers", _workerId, run.Concurrency);
        using var stopCounting = new CancellationTokenSource();
        var counting = metrics.RunAsync(clock, stopCounting.Token);
        try
        {
            var channel = Channel.CreateBounded<FetchedJob>(run.Concurrency);
            var fetching = FetchAllAsync(channel.Writer, stoppingToken);
            // One process loop per fetcher: a page's save waits on the database, so the cores extract others meanwhile.
            await Task.WhenAll(Enumerable.Range(0, run.Concurrency).Select(_ => Task.Run(() => ProcessAllAsync(channel.Reader, stoppingToken), CancellationToken.None)));
            await fetching;
        }
        catch (Exception ex)
        {
            // Outages are retried where they happen; this is a bug or a broken schema, so stop rather than spin.
            logger.LogCritical(ex, "Worker {WorkerId} stopped on an unexpected error", _workerId);
            stats.Fault = ex;
            lifetime.StopApplication();
            return;
        }
        finally
        {
            // Every page is processed by now: the last counts are written before the process may exit.
            await stopCounting.CancelAsync();
            await counting;
        }

        if (run.ExitWhenEmpty)
            lifetime.StopApplication();
    }

    private async Task ProcessAllAsync(ChannelReader<FetchedJob> reader, CancellationToken stoppingToken)
    {
        // Pages already fetched are still saved on shutdown (the channel is small and the jobs are ours): no re-fetch later.
        await foreach (var item in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await ProcessAsync(item, stoppingToken);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Job {JobId} for {Url} could not be finished; it is retried when its lease expires", item.Job.Id, item.Job.Url);
            }
        }
    }

    private async Task FetchAllAsync(ChannelWriter<FetchedJob> writer, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, run.Concurrency).Select(async _ =>
            {
                try
                {
                    await FetchLoopAsync(writer, stop.Token);
                }
                catch when (!stop.IsCancellationRequested)
                {
                    // One broken loop stops its siblings, so the failure surfaces instead of a half-speed worker.
                    await stop.CancelAsync();
                    throw;
                }
            }));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            writer.Complete();
        }
    }

    private async Task FetchLoopAsync(ChannelWriter<FetchedJob> writer, CancellationToken ct)
    {
        var backoff = new Backoff(clock);
        while (!ct.IsCancellationRequested)
        {
            ClaimedJob? claimed;
            try
            {
                claimed = await queue.ClaimWithValidatorsAsync(_workerId, options.Value.Lease, options.Value.MaxAttempts, ct);
                backoff.Reset();
            }
            catch (Exception ex) when (Failures.IsInfrastructure(ex))
            {
                logger.LogError(ex, "Claiming a scrape job failed; retrying in {Delay}", backoff.Next);
                await backoff.WaitAsync(ct);
                continue;
            }

            if (claimed is not { Job: var job })
            {
                if (run.ExitWhenEmpty)
                    return;
                await Task.Delay(options.Value.PollInterval, clock, ct);
                continue;
            }

            var lease = JobLease.Start(queue, job, _workerId, options.Value.Lease, clock, logger);
            try
            {
                await writer.WriteAsync(await FetchHeldAsync(job, claimed.Validators, lease, backoff, ct), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await lease.DisposeAsync();
                await AbandonAsync(job);
                throw;
            }
        }
    }

    /// <summary>Fetches a claimed job, riding out database outages with backoff: the job stays ours, its lease beating.</summary>
    private async Task<FetchedJob> FetchHeldAsync(ScrapeJob job, StoredValidators? stored, JobLease lease, Backoff backoff, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await fetcher.FetchAsync(job, stored, lease, _workerId, ct);
            }
            catch (Exception ex) when (Failures.IsInfrastructure(ex) && !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Fetching job {JobId} ({Url}) failed on the database; retrying in {Delay}", job.Id, job.Url, backoff.Next);
                await backoff.WaitAsync(ct);
            }
        }
    }

    private async Task AbandonAsync(ScrapeJob job)
    {
        try
        {
            await queue.AbandonAsync(job.Id, _workerId, CancellationToken.None);
        }
        catch (Exception ex) when (Failures.IsInfrastructure(ex))
        {
            logger.LogWarning(ex, "Could not hand job {JobId} back; it is taken again when its lease expires", job.Id);
        }
    }

    private async Task ProcessAsync(FetchedJob item, CancellationToken ct)
    {
        var job = item.Job;
        await using var lease = item.Lease;
        if (await WithRetryAsync(job, token => processor.DecideAsync(item, token), ct) is not { } result)
            return;
        var fetched = item.FetchLatency is { } latency ? ScrapeMetrics.FetchIncrements(latency) : [];
        if (result is JobResult.Completed done)
        {
            // The job and its page's validators in one round trip; the counters once it is done.
            var completion = new JobCompletion(job.Url, done.Validators);
            if (await WithRetryAsync(job, token => Done(queue.CompleteAsync(job.Id, done.Outcome, done.ReviewId, completion, token)), ct) is null)
                return;
            metrics.Add([.. fetched, (done.Outcome == SaveOutcomes.Unchanged ? ScrapeMetrics.Unchanged : ScrapeMetrics.Stored, "", 1)]);
            stats.CountDone();
            logger.LogInformation("Job {JobId} {Url}: {Outcome} review {ReviewId}", job.Id, job.Url, done.Outcome, done.ReviewId);
        }
        else if (result is JobResult.Failed { Failure: var failure })
        {
            if (await WithRetryAsync(job, async token => (object)await queue.FailAsync(job.Id, failure, processor.MaxAttempts, token), ct) is not bool dead)
                return;
            stats.CountFailed();
            metrics.Add([.. fetched, (ScrapeMetrics.AttemptsFailed, failure.Kind, 1), .. dead ? [(ScrapeMetrics.Failed, failure.Kind, 1.0)] : Array.Empty<(string, string, double)>()]);
            logger.LogWarning("Job {JobId} {Url} failed (attempt {Attempts} of at most {MaxAttempts}, {Fate}): {Reason}",
                job.Id, job.Url, job.Attempts, processor.MaxAttempts, dead ? "dead" : "will be retried", failure.Reason);
        }
    }

    /// <summary>
    /// Runs a database step to completion even when stopping, retrying infrastructure failures with backoff until the
    /// host stops (null: the job is left to its lease). Page failures are thrown to the caller.
    /// </summary>
    private async Task<T?> WithRetryAsync<T>(ScrapeJob job, Func<CancellationToken, Task<T>> step, CancellationToken ct)
        where T : class
    {
        var backoff = new Backoff(clock);
        while (true)
        {
            try
            {
                return await step(CancellationToken.None);
            }
            catch (Exception ex) when (Failures.IsInfrastructure(ex))
            {
                logger.LogError(ex, "Database step for job {JobId} ({Url}) failed; retrying in {Delay}", job.Id, job.Url, backoff.Next);
                try
                {
                    await backoff.WaitAsync(ct);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }

    private static async Task<object> Done(Task step)
    {
        await step;
        return step;
    }
}
