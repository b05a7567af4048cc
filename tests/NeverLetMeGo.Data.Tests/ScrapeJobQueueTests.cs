using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Testing;
using Npgsql;
using static NeverLetMeGo.Data.Tests.TestReviews;

namespace NeverLetMeGo.Data.Tests;

/// <summary>A claim takes any due job, so every test gets a database of its own.</summary>
public sealed class ScrapeJobQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly ManualClock clock = new();
    private ScratchDatabase? scratch;

    private NpgsqlDataSource Db => scratch?.DataSource ?? throw new InvalidOperationException("Not initialised.");

    private ScrapeJobQueue Queue => new(Db, clock);

    public async Task InitializeAsync() => scratch = await ScratchDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (scratch is not null)
            await scratch.DisposeAsync();
    }

    [Fact]
    public async Task Enqueueing_the_same_url_twice_gives_the_same_job()
    {
        var url = UniqueUrl();

        var first = await Queue.EnqueueAsync(url, CancellationToken.None);
        var second = await Queue.EnqueueAsync(url, CancellationToken.None);
        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);
        var whileRunning = await Queue.EnqueueAsync(url, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(first, whileRunning);
        Assert.Single(await Queue.ListAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_finished_url_can_be_enqueued_again_as_a_new_job()
    {
        var url = UniqueUrl();
        var first = await Queue.EnqueueAsync(url, CancellationToken.None);
        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);
        await Queue.CompleteAsync(first, "unchanged", null, CancellationToken.None);

        var again = await Queue.EnqueueAsync(url, CancellationToken.None);

        Assert.NotEqual(first, again);
    }

    [Fact]
    public async Task Concurrent_claims_never_get_the_same_job()
    {
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
            ids.Add(await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None));

        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await new ScrapeJobQueue(Db, clock).ClaimAsync($"w{w}", Lease, CancellationToken.None) is { } job)
                mine.Add(job.Id);
            return mine;
        })));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(ids.Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task A_claim_marks_the_job_running_for_its_worker_until_the_lease_ends()
    {
        var id = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);

        var job = await Queue.ClaimAsync("w1", Lease, CancellationToken.None);

        Assert.NotNull(job);
        Assert.Equal((id, ScrapeJobStates.Running, 1, "w1"), (job.Id, job.State, job.Attempts, job.LockedBy));
        Assert.Equal(clock.GetUtcNow() + Lease, job.LockedUntil);
        Assert.Null(await Queue.ClaimAsync("w2", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_whose_lease_expired_is_claimed_by_another_worker()
    {
        var id = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);
        await Queue.ClaimAsync("dead worker", Lease, CancellationToken.None);

        clock.Advance(Lease - TimeSpan.FromSeconds(1));
        var tooEarly = await Queue.ClaimAsync("w2", Lease, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var taken = await Queue.ClaimAsync("w2", Lease, CancellationToken.None);

        Assert.Null(tooEarly);
        Assert.NotNull(taken);
        Assert.Equal((id, "w2", 2), (taken.Id, taken.LockedBy, taken.Attempts));
        Assert.False(await Queue.HeartbeatAsync(id, "dead worker", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_whose_worker_was_lost_on_every_allowed_attempt_is_dead_with_that_reason()
    {
        var id = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);
        // Each worker takes the job and dies with it (no fail, no heartbeat): only the lease ends its attempt.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var taken = await Queue.ClaimAsync($"doomed {attempt}", Lease, maxAttempts: 3, CancellationToken.None);
            Assert.Equal((id, attempt), (taken?.Id, taken?.Attempts));
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        Assert.Null(await Queue.ClaimAsync("next", Lease, maxAttempts: 3, CancellationToken.None));
        var job = await Queue.GetAsync(id, CancellationToken.None);
        Assert.Equal((ScrapeJobStates.Dead, 3, "worker lost 3 times", "worker_lost", null), (job?.State, job?.Attempts, job?.LastError, job?.FailureKind, job?.LockedBy));
    }

    [Fact]
    public async Task A_heartbeat_extends_the_lease()
    {
        var id = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);
        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);

        clock.Advance(Lease - TimeSpan.FromSeconds(10));
        Assert.True(await Queue.HeartbeatAsync(id, "w1", Lease, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await Queue.ClaimAsync("w2", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Failures_back_off_exponentially_then_the_job_is_dead_with_its_last_error()
    {
        var id = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);
        TimeSpan[] delays = [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)];

        foreach (var delay in delays)
        {
            await Queue.ClaimAsync("w1", Lease, CancellationToken.None);
            Assert.False(await Queue.FailAsync(id, $"HTTP 503 after {delay}", maxAttempts: 3, CancellationToken.None));

            var job = await Queue.GetAsync(id, CancellationToken.None);
            Assert.NotNull(job);
            Assert.Equal((ScrapeJobStates.Pending, (string?)null), (job.State, job.LockedBy));
            Assert.InRange(job.RunAfter - clock.GetUtcNow(), delay * 0.8, delay * 1.2);
            Assert.Null(await Queue.ClaimAsync("w1", Lease, CancellationToken.None));
            clock.Advance(delay * 1.25);
        }

        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);
        Assert.True(await Queue.FailAsync(id, "HTTP 503 for good", maxAttempts: 3, CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(1));

        var dead = await Queue.GetAsync(id, CancellationToken.None);
        Assert.NotNull(dead);
        Assert.Equal((ScrapeJobStates.Dead, 3, "HTTP 503 for good"), (dead.State, dead.Attempts, dead.LastError));
        Assert.Null(await Queue.ClaimAsync("w1", Lease, CancellationToken.None));
        Assert.Equal([id], (await Queue.ListAsync(ScrapeJobStates.Dead, 10, CancellationToken.None)).Select(j => j.Id));
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_at_once_and_failing_a_job_no_longer_running_changes_nothing()
    {
        var id = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);
        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);

        Assert.True(await Queue.FailAsync(id, new JobFailure("HTTP 404 Not Found", "http_404", Permanent: true), maxAttempts: 5, CancellationToken.None));
        Assert.False(await Queue.FailAsync(id, new JobFailure("late", "other"), maxAttempts: 5, CancellationToken.None));

        var job = await Queue.GetAsync(id, CancellationToken.None);
        Assert.NotNull(job);
        Assert.Equal((ScrapeJobStates.Dead, 1, "HTTP 404 Not Found", "http_404"), (job.State, job.Attempts, job.LastError, job.FailureKind));
    }

    [Fact]
    public async Task A_job_records_the_source_that_queued_it_and_an_open_job_keeps_its_own()
    {
        var (source, _) = await new NeverLetMeGo.Data.Sources.SourceStore(Db).AddAsync(UniqueUrl() + "/sitemap.xml", "sitemap", CancellationToken.None);
        var byHand = UniqueUrl();
        var fromSource = UniqueUrl();

        var first = await Queue.EnqueueAsync(byHand, CancellationToken.None);
        var again = await Queue.EnqueueAsync(byHand, source.Id, CancellationToken.None);
        var listed = await Queue.EnqueueAsync(fromSource, source.Id, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Null((await Queue.GetAsync(first, CancellationToken.None))?.SourceId);
        Assert.Equal(source.Id, (await Queue.GetAsync(listed, CancellationToken.None))?.SourceId);
        Assert.Equal(source.Id, Assert.Single(await Queue.ListAsync(null, 10, CancellationToken.None), j => j.Id == listed).SourceId);
    }

    [Fact]
    public async Task The_backoff_never_exceeds_an_hour_plus_jitter()
    {
        var id = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);
        for (var attempt = 0; attempt < 12; attempt++)
        {
            clock.Advance(TimeSpan.FromHours(2));
            Assert.NotNull(await Queue.ClaimAsync("w1", Lease, CancellationToken.None));
            await Queue.FailAsync(id, "still failing", maxAttempts: 100, CancellationToken.None);
        }

        var job = await Queue.GetAsync(id, CancellationToken.None);

        Assert.NotNull(job);
        Assert.InRange(job.RunAfter - clock.GetUtcNow(), TimeSpan.FromMinutes(48), TimeSpan.FromMinutes(72));
    }

    [Fact]
    public async Task Completing_a_job_records_its_outcome_and_review_and_frees_the_url()
    {
        var url = UniqueUrl();
        var review = await new ReviewStore(Db).SaveAsync(Create(url: url), "done", clock.GetUtcNow(), CancellationToken.None);
        var id = await Queue.EnqueueAsync(url, CancellationToken.None);
        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);

        await Queue.CompleteAsync(id, "created", review.ReviewId, CancellationToken.None);

        var job = await Queue.GetAsync(id, CancellationToken.None);
        Assert.NotNull(job);
        Assert.Equal((ScrapeJobStates.Done, "created", review.ReviewId, (string?)null, (DateTimeOffset?)null),
            (job.State, job.Outcome, job.ReviewId, job.LockedBy, job.LockedUntil));
        Assert.Empty(await Queue.ListAsync(ScrapeJobStates.Pending, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_reads_what_the_last_fetch_of_its_url_left()
    {
        var known = UniqueUrl();
        var review = await new ReviewStore(Db).SaveAsync(Create(url: known), "known", clock.GetUtcNow(), CancellationToken.None);
        var validators = new StoredValidators("\"v1\"", "Tue, 01 Apr 2025 10:00:00 GMT", "abc", review.ReviewId);
        await new PageValidatorStore(Db).SaveAsync(known, validators, clock.GetUtcNow(), CancellationToken.None);
        var knownId = await Queue.EnqueueAsync(known, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var freshId = await Queue.EnqueueAsync(UniqueUrl(), CancellationToken.None);

        var first = await Queue.ClaimWithValidatorsAsync("w1", Lease, CancellationToken.None);
        var second = await Queue.ClaimWithValidatorsAsync("w1", Lease, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal((knownId, ScrapeJobStates.Running, "w1", 1), (first.Job.Id, first.Job.State, first.Job.LockedBy, first.Job.Attempts));
        Assert.Equal(validators, first.Validators);
        Assert.NotNull(second);
        Assert.Equal(freshId, second.Job.Id);
        Assert.Null(second.Validators);
        Assert.Null(await Queue.ClaimWithValidatorsAsync("w1", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Completing_a_job_saves_its_pages_validators_with_it()
    {
        var url = UniqueUrl();
        var review = await new ReviewStore(Db).SaveAsync(Create(url: url), "done", clock.GetUtcNow(), CancellationToken.None);
        var id = await Queue.EnqueueAsync(url, CancellationToken.None);
        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);
        var validators = new StoredValidators(null, null, "body-hash", review.ReviewId);

        await Queue.CompleteAsync(id, "created", review.ReviewId,
            new JobCompletion(url, validators), CancellationToken.None);

        var job = await Queue.GetAsync(id, CancellationToken.None);
        Assert.Equal((ScrapeJobStates.Done, "created", review.ReviewId), (job?.State, job?.Outcome, job?.ReviewId));
        Assert.Equal(validators, await new PageValidatorStore(Db).GetAsync(url, CancellationToken.None));
    }

    [Fact]
    public async Task A_completion_after_a_304_keeps_the_stored_validators()
    {
        var url = UniqueUrl();
        var stored = new StoredValidators("\"v1\"", null, "abc", null);
        await new PageValidatorStore(Db).SaveAsync(url, stored, clock.GetUtcNow(), CancellationToken.None);
        var id = await Queue.EnqueueAsync(url, CancellationToken.None);
        await Queue.ClaimAsync("w1", Lease, CancellationToken.None);

        await Queue.CompleteAsync(id, "unchanged", null, new JobCompletion(url, null), CancellationToken.None);

        Assert.Equal(ScrapeJobStates.Done, (await Queue.GetAsync(id, CancellationToken.None))?.State);
        Assert.Equal(stored, await new PageValidatorStore(Db).GetAsync(url, CancellationToken.None));
    }
}
