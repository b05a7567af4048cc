using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NeverLetMeGo.Api.Infrastructure;

internal static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        return services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "NeverLetMeGo",
                Version = "v1",
                Description = "Spoiler-aware film and book reviews. Review text is masked by default: blocks that reveal the premise or major plot points are hidden unless the reader asks for them with `spoilers=premise` or `spoilers=all`.",
                Contact = new OpenApiContact { Name = "NeverLetMeGo", Url = new Uri("https://github.com/neverletmego/neverletmego") },
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            });
            options.OperationFilter<PublicOperationFilter>();
            options.SupportNonNullableReferenceTypes();
        });
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger(options => options.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = "/", Description = "This server" }]));
        app.UseSwaggerUI(options => options.SwaggerEndpoint(DocumentPath, "NeverLetMeGo v1"));
        return app;
    }

    /// <summary>Read operations are public: they declare an empty security requirement, and every error is ProblemDetails.</summary>
    private sealed class PublicOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Security = [];
        }
    }
}
