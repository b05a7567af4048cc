using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NeverLetMeGo.Ingestion;
using NeverLetMeGo.Core;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Queue;

/// <summary>What the process stage decided for one job.</summary>
internal abstract record JobResult
{
    /// <summary>Done; <paramref name="Validators"/> are what this fetch leaves for the next (null after a 304: those stored stay).</summary>
    public sealed record Completed(string Outcome, long? ReviewId, StoredValidators? Validators) : JobResult;

    public sealed record Failed(JobFailure Failure) : JobResult;
}

/// <summary>
/// The process stage of one job: a 304 or a body identical to the last one is "unchanged" without extraction work;
/// anything else is extracted, tagged and upserted. Page problems become a <see cref="JobResult.Failed"/>; database
/// failures are thrown to the caller, which retries them. The page's validators are saved with the job's completion.
/// </summary>
internal sealed class JobProcessor(
    ReviewIngester ingester,
    IOptions<ScraperOptions> options,
    ILogger<JobProcessor> logger)
{
    public async Task<JobResult> DecideAsync(FetchedJob item, CancellationToken ct)
    {
        if (item.Failure is { } failure)
            return new JobResult.Failed(failure);
        var stored = item.Stored;
        if (item.NotModified)
            return new JobResult.Completed(SaveOutcomes.Unchanged, stored?.ReviewId, Validators: null);

        var page = item.Page!;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page.Html)));
        long? reviewId;
        string outcome;
        if (stored is { ReviewId: not null } && string.Equals(stored.ContentHash, hash, StringComparison.Ordinal))
        {
            (outcome, reviewId) = (SaveOutcomes.Unchanged, stored.ReviewId);
        }
        else
        {
            try
            {
                var saved = await ingester.IngestAsync(page.Html, page.Url, ct);
                (outcome, reviewId) = (saved.Outcome.ToString().ToLowerInvariant(), saved.ReviewId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !Failures.IsInfrastructure(ex))
            {
                if (ex is not (ExtractionException or ExtractionTimeoutException))
                    logger.LogError(ex, "Processing job {JobId} for {Url} failed unexpectedly", item.Job.Id, item.Job.Url);
                // The same bytes extract the same way: only a timeout (the machine's load) may pass on a retry.
                var pageFailure = ex is ExtractionException
                    ? new JobFailure(Failures.Reason(ex), "extraction", Permanent: true)
                    : new JobFailure(Failures.Reason(ex), ex is ExtractionTimeoutException ? "extraction" : JobFailure.OtherKind);
                return new JobResult.Failed(pageFailure);
            }
        }
        return new JobResult.Completed(outcome, reviewId, new StoredValidators(page.ETag, page.LastModified, hash, reviewId));
    }

    public int MaxAttempts => options.Value.MaxAttempts;
}

internal static class SaveOutcomes
{
    public const string Unchanged = "unchanged";
    public const string Created = "created";
    public const string Updated = "updated";
}
