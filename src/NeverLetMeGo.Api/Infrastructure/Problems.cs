using Microsoft.AspNetCore.Http.HttpResults;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>The one way handlers and middleware say 400 and 404, so every error body has the same shape.</summary>
internal static class Problems
{
    public const string BadParameterTitle = "Invalid request parameter";

    /// <summary>A problem written by middleware (no handler ran), through the same service as every other.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string title, string detail, string? parameter = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status, Title = title, Detail = detail } };
        if (parameter is not null)
            problem.ProblemDetails.Extensions["parameter"] = parameter;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(problem);
    }

    public static Task WriteBadParameterAsync(HttpContext http, string parameter, string detail)
        => WriteAsync(http, StatusCodes.Status400BadRequest, BadParameterTitle, detail, parameter);

    public static ProblemHttpResult BadParameter(string parameter, string detail)
        => TypedResults.Problem(
            title: BadParameterTitle,
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult NotFound(string what, long id)
        => TypedResults.Problem(
            title: $"{what} not found",
            detail: $"There is no {what.ToLowerInvariant()} with id {id}.",
            statusCode: StatusCodes.Status404NotFound);
}
