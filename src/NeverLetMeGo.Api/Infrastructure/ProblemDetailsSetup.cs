using System.Globalization;

namespace NeverLetMeGo.Api.Infrastructure;

internal static class ProblemDetailsSetup
{
    public const string MalformedDetail = "A route or query parameter is malformed: ids are whole numbers, limit is a number from 1 to 100.";
    public const string BodyDetail = "The request body is not JSON of the shape this operation takes (its example is in the OpenAPI document).";

    /// <summary>
    /// Every error is a ProblemDetails with the request path as instance, whatever the client accepts
    /// (<see cref="AnyClientProblemWriter"/>, registered after the framework's writer); exception details never reach clients.
    /// </summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
        => services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.Remove("exception");

            // Binding failures (an id that is not a number, spoilerFree=maybe) arrive here with only a status code.
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails.Detail is null)
            {
                var (parameter, detail) = DescribeBindingFailure(context.HttpContext.Request);
                context.ProblemDetails.Detail = detail;
                if (parameter is not null)
                {
                    context.ProblemDetails.Title = "Invalid request parameter";
                    context.ProblemDetails.Extensions["parameter"] = parameter;
                }
            }
        }).AddSingleton<IProblemDetailsWriter, AnyClientProblemWriter>();

    /// <summary>Which typed value failed to bind, worded like the handlers' own 400s (allowed values listed).</summary>
    internal static (string? Parameter, string Detail) DescribeBindingFailure(HttpRequest request)
    {
        foreach (var name in (string[])["id", "index"])
        {
            if (request.RouteValues.TryGetValue(name, out var value) && !long.TryParse(value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return (name, $"{name} must be a whole number.");
            }
        }

        var query = request.Query;
        foreach (var name in (string[])["spoilerFree", "reveal"])
        {
            if (query.TryGetValue(name, out var value) && !bool.TryParse(value.ToString(), out _))
            {
                return (name, $"{name} must be one of: true, false.");
            }
        }

        if (query.TryGetValue("limit", out var limit) && !int.TryParse(limit.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            // The operator lists take up to 1000; the readers' pages up to Paging.MaxLimit.
            var operatorList = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<AdminOnlyMetadata>() is not null;
            return ("limit", operatorList ? "limit must be between 1 and 1000." : Paging.LimitError);
        }

        if (query.TryGetValue("minRating", out var rating) && !double.TryParse(rating.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return ("minRating", "minRating must be a number from 0 to 100 (the normalized scale).");
        }

        return request.ContentLength > 0 || request.HasJsonContentType() ? (null, BodyDetail) : (null, MalformedDetail);
    }
}
