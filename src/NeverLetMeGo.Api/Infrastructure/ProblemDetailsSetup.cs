namespace NeverLetMeGo.Api.Infrastructure;

internal static class ProblemDetailsSetup
{
    public const string MalformedDetail = "A route or query parameter is malformed: ids are whole numbers, limit is a number from 1 to 100.";

    /// <summary>Every error is a ProblemDetails with the request path as instance; exception details never reach clients.</summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
        => services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.Remove("exception");

            // Binding failures (an id that is not a number) arrive here with only a status code.
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails.Detail is null)
            {
                context.ProblemDetails.Detail = MalformedDetail;
            }
        });
}
