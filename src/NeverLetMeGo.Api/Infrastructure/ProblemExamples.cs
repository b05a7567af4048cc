using System.Text.Json.Nodes;
using NeverLetMeGo.Api.Corrections;
using NeverLetMeGo.Api.Search;
using NeverLetMeGo.Api.Works;
using NeverLetMeGo.Core.Masking;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// Problem examples for the OpenAPI document: for each error an operation can answer, the bodies it really sends, with
/// the messages the handlers use (a 400 names its parameter and lists the allowed values).
/// </summary>
internal static class ProblemExamples
{
    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    /// <summary>The 400 messages by parameter, as the handlers word them.</summary>
    private static readonly Dictionary<string, string> BadParameters = new(StringComparer.Ordinal)
    {
        ["id"] = "id must be a whole number.",
        ["index"] = "index must be a whole number.",
        ["spoilerFree"] = "spoilerFree must be one of: true, false.",
        ["reveal"] = "reveal must be one of: true, false.",
        ["q"] = $"q is required: the words to search for, at most {SearchApi.MaxQueryLength} characters.",
        ["spoilers"] = $"spoilers must be one of: {SpoilerTolerances.Allowed}.",
        ["mask"] = $"mask must be one of: {MaskModes.Allowed}.",
        ["format"] = "format must be one of: json, html.",
        ["sort"] = $"sort must be one of: {ReviewListParameters.AllowedSorts}.",
        ["minRating"] = "minRating must be a number from 0 to 100 (the normalized scale).",
        ["limit"] = Paging.LimitError,
        ["cursor"] = "cursor is not one this API issued for this sort order.",
        ["state"] = "state must be one of pending, running, done, dead.",
    };

    private static readonly Dictionary<string, (string Parameter, string Detail)[]> BadBodies = new(StringComparer.Ordinal)
    {
        ["ReportBlockLevel"] = [("level", $"level must be one of: {CorrectionsApi.Allowed}.")],
        ["SetBlockLevel"] = [("level", $"level must be one of: {CorrectionsApi.Allowed}.")],
        ["AddSpoilerTerm"] = [("term", "term is required and at most 200 characters."), ("level", "level must be premise or major.")],
        ["EnqueueScrapeJobs"] = [("urls", "not an absolute http(s) URL: reviews.example.com/films/the-quiet-harbour")],
        ["AddSource"] = [("url", "url must be an absolute http(s) URL."), ("kind", "kind must be sitemap or feed.")],
    };

    public static IEnumerable<(string Name, string Summary, JsonNode Body)> For(string operationId, string status, string relativePath, IEnumerable<string> parameters)
    {
        var path = "/" + relativePath.Replace("works/{id}", "works/42", StringComparison.Ordinal)
            .Replace("scrape-jobs/{id}", "scrape-jobs/7731", StringComparison.Ordinal)
            .Replace("{id}", "1001", StringComparison.Ordinal).Replace("{index}", "3", StringComparison.Ordinal);
        return status switch
        {
            "400" => BadRequests(operationId, path, [.. parameters]),
            "401" => [("apiKey", "No or wrong X-Api-Key", Problem(401, "rfc9110#section-15.5.2", "API key required", $"This operator endpoint needs a valid key in the {AdminKeys.Header} header.", path))],
            "404" => NotFound(relativePath, path),
            "409" => [("decided", "Already decided", Problem(409, "rfc9110#section-15.5.10", "Request already decided", "Level request 1001 was accepted already.", path))],
            "429" => [("rateLimited", "Rate limit used up", Problem(429, "rfc6585#section-4", "Too many requests", "This client has made too many requests; try again later.", path))],
            "503" => [("notReady", "Migrations pending", Problem(503, "rfc9110#section-15.6.4", "Not ready", "migrations not applied: 0006_exact_rating_median", path))],
            _ => [("unexpected", "Unexpected failure", Problem(500, "rfc9110#section-15.6.1", "An error occurred while processing your request.", null, path))],
        };
    }

    private static IEnumerable<(string, string, JsonNode)> BadRequests(string operationId, string path, IReadOnlyList<string> parameters)
    {
        foreach (var (parameter, detail) in BadBodies.GetValueOrDefault(operationId) ?? [])
        {
            yield return (parameter, $"Bad {parameter} in the body", WithParameter(Problem(400, "rfc9110#section-15.5.1", "Invalid request parameter", detail, path), parameter));
        }

        foreach (var parameter in parameters.Where(BadParameters.ContainsKey))
        {
            var detail = (operationId, parameter) switch
            {
                ("ListScrapeJobs" or "ListLevelRequests", "limit") => "limit must be between 1 and 1000.",
                ("ListLevelRequests", "state") => "state must be one of: pending, accepted, rejected.",
                _ => BadParameters[parameter],
            };
            yield return (parameter, $"Bad {parameter}", WithParameter(Problem(400, "rfc9110#section-15.5.1", "Invalid request parameter", detail, path), parameter));
        }

        if (BadBodies.ContainsKey(operationId))
        {
            yield return ("body", "A body that is not JSON of this shape", Problem(400, "rfc9110#section-15.5.1", "Bad Request", ProblemDetailsSetup.BodyDetail, path));
        }
    }

    private static IEnumerable<(string, string, JsonNode)> NotFound(string relativePath, string path)
    {
        const string type = "rfc9110#section-15.5.5";
        if (relativePath.Contains("reviews/{id}", StringComparison.Ordinal))
        {
            yield return ("review", "No such review", Problem(404, type, "Review not found", "There is no review with id 1001.", path));
        }

        if (relativePath.Contains("{index}", StringComparison.Ordinal))
        {
            yield return ("block", "No such block", Problem(404, type, "Block not found", "Review 1001 has no block 3.", path));
        }

        if (relativePath.Contains("works/{id}", StringComparison.Ordinal))
        {
            yield return ("work", "No such work", Problem(404, type, "Work not found", "There is no work with id 42.", path));
        }

        if (relativePath.Contains("scrape-jobs/{id}", StringComparison.Ordinal))
        {
            yield return ("job", "No such job", Problem(404, type, "scrape job not found", "There is no scrape job with id 7731.", path));
        }

        if (relativePath.Contains("reports/{id}", StringComparison.Ordinal))
        {
            yield return ("request", "No such request", Problem(404, type, "level request not found", "There is no level request with id 1001.", path));
        }

        yield return ("route", "No such route", Problem(404, type, "Not Found", null, "/no-such-route"));
    }

    private static JsonObject Problem(int status, string section, string title, string? detail, string instance)
    {
        var problem = new JsonObject
        {
            ["type"] = $"https://tools.ietf.org/html/{section}",
            ["title"] = title,
            ["status"] = status,
        };
        if (detail is not null)
        {
            problem["detail"] = detail;
        }

        problem["instance"] = instance;
        problem["traceId"] = TraceId;
        return problem;
    }

    private static JsonObject WithParameter(JsonObject problem, string parameter)
    {
        problem["parameter"] = parameter;
        return problem;
    }
}
