using System.Text.Json.Nodes;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// Examples for the operator and probe routes, written as JSON so they do not tie this file to those contracts' constructors;
/// the OpenAPI linters check them against the schemas.
/// </summary>
internal static class OperatorExamples
{
    private const string Job = """
        {"id": 7731, "url": "https://reviews.example.com/films/the-quiet-harbour", "state": "done", "attempts": 1, "lastError": null,
         "failureKind": null, "outcome": "created", "reviewId": 1001, "runAfter": "2025-03-14T09:30:00+00:00",
         "createdAt": "2025-03-14T09:29:58+00:00", "updatedAt": "2025-03-14T09:30:04+00:00", "sourceId": 3}
        """;

    private const string DeadJob = """
        {"id": 7732, "url": "https://reviews.example.com/films/missing-page", "state": "dead", "attempts": 1,
         "lastError": "HTTP 404 Not Found", "failureKind": "http", "outcome": null, "reviewId": null,
         "runAfter": "2025-03-14T09:31:00+00:00", "createdAt": "2025-03-14T09:29:58+00:00", "updatedAt": "2025-03-14T09:31:02+00:00", "sourceId": null}
        """;

    private const string Source = """
        {"id": 3, "url": "https://reviews.example.com/sitemap.xml", "kind": "sitemap", "createdAt": "2025-03-01T08:00:00+00:00",
         "lastPolledAt": "2025-03-14T09:00:00+00:00", "lastError": null, "entryCount": 412}
        """;

    public const string Metrics = """
        # HELP nlmg_pages_fetched_total Pages fetched (any HTTP answer).
        # TYPE nlmg_pages_fetched_total counter
        nlmg_pages_fetched_total 1287
        # HELP nlmg_pages_stored_total Pages extracted and stored (created or updated).
        # TYPE nlmg_pages_stored_total counter
        nlmg_pages_stored_total 1164
        # HELP nlmg_scrape_jobs Scrape jobs by state.
        # TYPE nlmg_scrape_jobs gauge
        nlmg_scrape_jobs{state="done"} 1164
        nlmg_scrape_jobs{state="pending"} 18

        """;

    /// <summary>Request body examples by operation id.</summary>
    public static JsonNode? Request(string operationId) => operationId switch
    {
        "EnqueueScrapeJobs" => Parse("""{"urls": ["https://reviews.example.com/films/the-quiet-harbour", "https://reviews.example.com/films/the-salt-road?utm_source=rss"]}"""),
        "AddSource" => Parse("""{"url": "https://reviews.example.com/sitemap.xml", "kind": "sitemap"}"""),
        _ => null,
    };

    /// <summary>Success examples by operation id and status code.</summary>
    public static JsonNode? Response(string operationId, string status) => (operationId, status) switch
    {
        ("EnqueueScrapeJobs", "200") => Parse("""{"jobs": [{"id": 7731, "url": "https://reviews.example.com/films/the-quiet-harbour"}, {"id": 7733, "url": "https://reviews.example.com/films/the-salt-road"}]}"""),
        ("ListScrapeJobs", "200") => Parse($$"""{"items": [{{DeadJob}}, {{Job}}]}"""),
        ("GetScrapeJob", "200") => Parse(Job),
        ("AddSource", "200" or "201") => Parse(Source),
        ("ListSources", "200") => Parse($$"""{"items": [{{Source}}]}"""),
        ("DeleteReview", "200") => Parse("""{"reviewId": 1001, "workId": 12, "url": "https://reviews.example.com/films/the-quiet-harbour", "actor": "operator 3f9a2c1e", "deletedAt": "2025-03-14T10:02:11+00:00"}"""),
        ("Healthz", "200") => Parse("""{"status": "ok"}"""),
        ("Readyz", "200") => Parse("""{"status": "ready"}"""),
        ("Metrics", "200") => JsonValue.Create(Metrics),
        _ => null,
    };

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
