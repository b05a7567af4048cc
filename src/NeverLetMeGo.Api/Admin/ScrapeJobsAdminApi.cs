using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Jobs;

namespace NeverLetMeGo.Api.Admin;

/// <summary>Operator endpoints for the scrape queue, behind the admin key.</summary>
internal static class ScrapeJobsAdminApi
{
    public const int MaxUrls = 1000;

    public static IEndpointRouteBuilder MapScrapeJobsAdmin(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/admin/scrape-jobs").WithTags("Admin").RequireAdminKey()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // A thousand URLs of up to 2,048 characters each.
        jobs.MapPost("/", EnqueueJobs).WithName("EnqueueScrapeJobs").WithMetadata(new BodyLimitMetadata(4 * 1024 * 1024))
            .WithSummary("Queue pages for scraping")
            .WithDescription("Adds a pending job per URL (at most 1000). URLs are canonicalised (fragment and tracking parameters dropped); a URL that already has a pending or running job keeps it. What the workers would refuse to fetch is refused here (400, `refused <url>: <reason>`): a literal non-public address or a loopback name not in Scraper:AllowedHosts, credentials (`user:password@`), more than 2,048 characters. All or nothing: one bad URL queues none.");
        jobs.MapGet("/", ListJobs).WithName("ListScrapeJobs")
            .WithSummary("List scrape jobs")
            .WithDescription("Newest first, at most `limit` (1–1000, default 100), optionally only one `state` (pending, running, done, dead), each with its last error.");
        jobs.MapGet("/{id}", GetJob).WithName("GetScrapeJob")
            .WithSummary("Get one scrape job")
            .WithDescription("State, attempts, last error and its class, outcome, the stored review's id and the source (sitemap or feed) that queued it, if any.");
        return app;
    }

    private static async Task<Results<Ok<EnqueueJobsResponse>, ProblemHttpResult>> EnqueueJobs(EnqueueJobsRequest request, ScrapeJobQueue queue, UrlPolicy policy, CancellationToken ct)
    {
        if (request.Urls is not { Count: > 0 and <= MaxUrls } urls)
            return Problems.BadParameter("urls", $"urls must list 1 to {MaxUrls} URLs.");
        var canonical = new List<string>();
        foreach (var url in urls)
        {
            if (PageUrls.Canonicalize(url ?? "") is not { } c)
                return Problems.BadParameter("urls", $"not an absolute http(s) URL: {UrlPolicy.Redact(url ?? "")}");
            // Refused now, as the fetcher would refuse it later; credentials are never echoed back.
            if (policy.Refusal(c) is { } reason)
                return Problems.BadParameter("urls", $"refused {UrlPolicy.Redact(c)}: {reason}");
            canonical.Add(c);
        }
        var queued = new List<EnqueuedJob>();
        foreach (var url in canonical)
            queued.Add(new EnqueuedJob(await queue.EnqueueAsync(url, ct), url));
        return TypedResults.Ok(new EnqueueJobsResponse(queued));
    }

    private static async Task<Results<Ok<ScrapeJobListResponse>, ProblemHttpResult>> ListJobs(ScrapeJobQueue queue, string? state, int? limit, CancellationToken ct)
    {
        if (state is not null && !ScrapeJobStates.All.Contains(state))
            return Problems.BadParameter("state", $"state must be one of {string.Join(", ", ScrapeJobStates.All)}.");
        if (limit is < 1 or > 1000)
            return Problems.BadParameter("limit", "limit must be between 1 and 1000.");
        var jobs = await queue.ListAsync(state, limit ?? 100, ct);
        return TypedResults.Ok(new ScrapeJobListResponse([.. jobs.Select(ScrapeJobResponse.From)]));
    }

    private static async Task<Results<Ok<ScrapeJobResponse>, ProblemHttpResult>> GetJob(long id, ScrapeJobQueue queue, CancellationToken ct) =>
        await queue.GetAsync(id, ct) is { } job ? TypedResults.Ok(ScrapeJobResponse.From(job)) : Problems.NotFound("scrape job", id);
}
