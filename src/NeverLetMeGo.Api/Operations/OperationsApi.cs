using Microsoft.AspNetCore.Http.HttpResults;
using NeverLetMeGo.Data.Jobs;
using NeverLetMeGo.Data.Operations;
using Npgsql;

namespace NeverLetMeGo.Api.Operations;

public sealed record HealthResponse(string Status);

/// <summary>Probes and metrics for operators and orchestrators: public, cheap, never carrying review text.</summary>
internal static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        // 404 is documented as for every route of this API (an unknown path), though the probes themselves always exist.
        // Probes answer whatever the readers do: a burst of reads must not make an orchestrator think the process is dead.
        var ops = app.MapGroup("").WithTags("Operations").ProducesProblem(StatusCodes.Status404NotFound).DisableRateLimiting();
        ops.MapGet("/healthz", Healthz).WithName("Healthz")
            .WithSummary("Liveness probe")
            .WithDescription("200 while the process is up; touches nothing else.");
        ops.MapGet("/readyz", Readyz).WithName("Readyz")
            .WithSummary("Readiness probe")
            .WithDescription("200 when the database answers and every migration this build knows is applied; otherwise 503 with a problem saying which.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ops.MapGet("/metrics", Metrics).WithName("Metrics")
            .WithSummary("Prometheus metrics")
            .WithDescription("Prometheus text format: pages fetched, stored, unchanged and failed by reason, the fetch latency histogram (all written by the workers into the database, so any API instance serves them) and the queue depth by state.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Ok<HealthResponse> Healthz() => TypedResults.Ok(new HealthResponse("ok"));

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Readyz(NpgsqlDataSource db, ILogger<HealthResponse> logger, CancellationToken ct)
    {
        try
        {
            var pending = await Readiness.PendingMigrationsAsync(db, ct);
            return pending.Count == 0
                ? TypedResults.Ok(new HealthResponse("ready"))
                : Unavailable($"migrations not applied: {string.Join(", ", pending)}");
        }
        catch (NpgsqlException ex)
        {
            // The public sees that the database is down; the reason (a socket path, a host) goes to the log only.
            logger.LogWarning(ex, "Readiness: the database is unreachable");
            return Unavailable("database unreachable");
        }
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Metrics(ScrapeMetrics metrics, ScrapeJobQueue queue, ILogger<HealthResponse> logger, CancellationToken ct)
    {
        try
        {
            var text = PrometheusText.Write(await metrics.ReadAsync(ct), await queue.CountByStateAsync(ct));
            return TypedResults.Text(text, "text/plain; version=0.0.4; charset=utf-8");
        }
        catch (NpgsqlException ex)
        {
            logger.LogWarning(ex, "Metrics: the database is unreachable");
            return Unavailable("database unreachable");
        }
    }

    private static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(title: "Not ready", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
}
