using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// Parameters mean the same thing on every operation, so they are documented once here rather than on each handler.
/// </summary>
internal sealed class ParameterDocumentation : IOperationFilter
{
    private static readonly Dictionary<string, (string Description, string[]? Values)> Known = new(StringComparer.Ordinal)
    {
        ["id"] = ("Numeric id of the resource.", null),
        ["q"] = ("The words to search for (1–200 characters), in web search syntax: words, \"quoted phrases\", -excluded words.", null),
        ["state"] = ("Only jobs in this state: `pending`, `running`, `done` or `dead`; all states when absent.", ["pending", "running", "done", "dead"]),
        ["spoilers"] = ("How much the reader is willing to see: `none` (default) hides premise and major spoilers, `premise` hides only major ones, `all` hides nothing. Author warnings are always shown.", ["none", "premise", "all"]),
        ["limit"] = ($"Page size, 1 to {Paging.MaxLimit} (default {Paging.DefaultLimit}).", null),
        ["ListScrapeJobs:limit"] = ("How many jobs, 1 to 1000 (default 100), newest first.", null),
        ["ListLevelRequests:state"] = ("Only requests in this state: `pending` (the default), `accepted` or `rejected`.", ["pending", "accepted", "rejected"]),
        ["ListLevelRequests:limit"] = ("How many requests, 1 to 1000 (default 100), oldest first.", null),
        ["cursor"] = ("Opaque cursor from the previous page's `next`, to fetch the page after it.", null),
        ["mask"] = ("How hidden blocks are shown: `placeholder` (default) keeps them with a null text, `redact` with one fixed placeholder text, `omit` leaves them out, `sentences` keeps them with a null text and `parts` (the sentences this reader may see, one hidden part per run of the rest). None of them hints at the hidden text's length.", ["placeholder", "omit", "redact", "sentences"]),
        ["format"] = ("`json` (default) or `html`: ready-to-render markup with a reveal button for each hidden block.", ["json", "html"]),
        ["reveal"] = ("`true` returns the block's text whatever its level: the reader chose to reveal this block.", null),
        ["index"] = ("Index of the block in the review, as given in the review's `blocks`.", null),
        ["sort"] = ("Order: `newest` (default; undated last) or `rating` (best first; unrated last).", ["newest", "rating"]),
        ["spoilerFree"] = ("`true` keeps only reviews with no premise or major spoiler block.", null),
        ["minRating"] = ("Keep reviews rated at least this on the normalized 0–100 scale (unrated reviews are left out).", null),
        ["site"] = ("Keep reviews from this site host, e.g. `www.example.com`.", null),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is null
                || (!Known.TryGetValue($"{operation.OperationId}:{parameter.Name}", out var doc) && !Known.TryGetValue(parameter.Name, out doc)))
            {
                continue;
            }

            parameter.Description = doc.Description;
            if (doc.Values is not null && parameter.Schema is OpenApiSchema schema)
            {
                schema.Enum = [.. doc.Values.Select(v => (JsonNode)JsonValue.Create(v))];

                // The first allowed value is the default, except for a filter, which is off when absent.
                schema.Default = parameter.Name == "state" ? null : JsonValue.Create(doc.Values[0]);
            }
        }
    }
}
