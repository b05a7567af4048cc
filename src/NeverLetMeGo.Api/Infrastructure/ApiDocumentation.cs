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
                License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") },
            });
            options.AddSecurityDefinition(AdminKeys.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AdminKeys.Header,
                Description = "Operator key from the Admin:ApiKeys configuration.",
            });
            options.OperationFilter<PublicOperationFilter>();
            options.OperationFilter<ParameterDocumentation>();
            options.OperationFilter<ResponseDocumentation>();
            options.DocumentFilter<TagDocumentation>();
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<NullableComponents>();
        });
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger(options => options.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = "/", Description = "This server" }]));
        app.UseSwaggerUI(options => options.SwaggerEndpoint(DocumentPath, "NeverLetMeGo v1"));
        return app;
    }

    /// <summary>
    /// Components only ever sent as an optional value: a review's rating is null when the page had none. OpenAPI 3.0 cannot
    /// mark a $ref property nullable (a one-item allOf can, but linters call that illogical), so the component says it.
    /// </summary>
    private sealed class NullableComponents : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (context.Type == typeof(Reviews.RatingResponse) && schema is OpenApiSchema component)
                component.Type = JsonSchemaType.Object | JsonSchemaType.Null;
        }
    }

    /// <summary>Tags in a fixed order, each with a description.</summary>
    private sealed class TagDocumentation : IDocumentFilter
    {
        public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            swaggerDoc.Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Works", Description = "Films and books, their reviews and their aggregate rating." },
                new() { Name = "Reviews", Description = "Single reviews and their comment threads, spoiler-masked for the reader." },
                new() { Name = "Admin", Description = "Operator endpoints; they require the `X-Api-Key` header." },
                new() { Name = "Operations", Description = "Liveness and readiness probes and Prometheus metrics." },
                new() { Name = "Feeds", Description = "Atom feeds carrying only spoiler-safe excerpts." },
                new() { Name = "Search", Description = "Full-text search over the text the reader's tolerance shows." },
                new() { Name = "Corrections", Description = "Reader reports and operator decisions on a block's spoiler level, with their audit trail." },
            };
        }
    }

    /// <summary>Public operations declare an empty security requirement; operator operations require the API key.</summary>
    private sealed class PublicOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var adminOnly = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AdminOnlyMetadata>().Any();
            operation.Security = adminOnly
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKeys.SchemeName, context.Document)] = [] }]
                : [];
        }
    }
}
