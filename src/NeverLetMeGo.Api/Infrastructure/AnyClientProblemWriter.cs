using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// The problem writer of last resort, after the framework's. That one writes only for a client that accepts JSON, so a
/// browser's request (Accept: text/html) that failed found no writer: a middleware's problem (no API key, too many
/// requests) threw inside the problem service and the client got an empty 500, a value that failed to bind got
/// text/plain "Status Code: 400; Bad Request", and a handler's problem lost its instance and trace id. Every error is a
/// ProblemDetails whatever the client accepts (RFC 9110 lets a server answer in a type the client did not list), with the
/// same type, title, trace id and customisation as the framework's writer gives.
/// </summary>
internal sealed class AnyClientProblemWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    private const string MediaType = "application/problem+json";

    // The framework's defaults for the statuses it describes (RFC 9110 sections), so both writers give the same body.
    private static readonly Dictionary<int, string> Types = new()
    {
        [400] = "15.5.1", [401] = "15.5.2", [403] = "15.5.4", [404] = "15.5.5", [405] = "15.5.6", [406] = "15.5.7",
        [408] = "15.5.9", [409] = "15.5.10", [412] = "15.5.13", [415] = "15.5.16", [422] = "15.5.21", [426] = "15.5.22",
        [500] = "15.6.1", [502] = "15.6.3", [503] = "15.6.4", [504] = "15.6.5",
    };

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ??= http.Response.StatusCode;
        if (Types.TryGetValue(status, out var section))
        {
            problem.Type ??= $"https://tools.ietf.org/html/rfc9110#section-{section}";
        }

        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), (JsonSerializerOptions?)null, MediaType, http.RequestAborted));
    }
}
