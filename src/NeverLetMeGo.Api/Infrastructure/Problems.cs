using Microsoft.AspNetCore.Http.HttpResults;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>The one way handlers say 400 and 404, so every error body has the same shape.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadParameter(string parameter, string detail)
        => TypedResults.Problem(
            title: "Invalid request parameter",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult NotFound(string what, long id)
        => TypedResults.Problem(
            title: $"{what} not found",
            detail: $"There is no {what.ToLowerInvariant()} with id {id}.",
            statusCode: StatusCodes.Status404NotFound);
}
