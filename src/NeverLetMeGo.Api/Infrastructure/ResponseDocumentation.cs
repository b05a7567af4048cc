using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using NeverLetMeGo.Api.Reviews;
using Swashbuckle.AspNetCore.SwaggerGen;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// What the protocol adds to every operation, documented once: the strong ETag and 304 on reads, 429 with Retry-After
/// where a rate limit applies, the Link header on paged lists, a 500 problem anywhere, a description for every status,
/// and an example for every request body and response (success examples from <see cref="ApiExamples"/>, problems from
/// <see cref="ProblemExamples"/>).
/// </summary>
internal sealed class ResponseDocumentation(IOptions<JsonOptions> json) : IOperationFilter
{
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["200"] = "OK.",
        ["201"] = "Created: a new resource; `Location` names it.",
        ["304"] = "Not Modified: `If-None-Match` matched the current ETag, so the cached copy is still good. No body.",
        ["400"] = "Bad Request: a parameter or the body is malformed or not one of its allowed values (which `detail` lists); `parameter` names it.",
        ["401"] = "Unauthorized: the `X-Api-Key` header is missing or is not a configured operator key.",
        ["404"] = "Not Found: there is no such resource, or no such route.",
        ["429"] = "Too Many Requests: this client has used up its rate limit; `Retry-After` says how many seconds to wait.",
        ["500"] = "Internal Server Error: an unexpected failure. The problem never carries exception details.",
        ["503"] = "Service Unavailable: the database is unreachable or migrations are pending.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var id = operation.OperationId ?? "";
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var isRead = string.Equals(context.ApiDescription.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
        var responses = operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);

        if (id == "GetReview" && responses.TryGetValue("200", out var ok) && ok is OpenApiResponse reviewOk)
        {
            // The handler answers JSON, or HTML with format=html; the endpoint metadata can only name one of them.
            var content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ReviewResponse), context.SchemaRepository) },
            };
            foreach (var (type, media) in reviewOk.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                content[type] = media;
            }

            reviewOk.Content = content;
        }

        // Group conventions add 400 to every route of a group; a route that takes no input cannot answer it.
        if (operation.RequestBody is null && operation.Parameters is not { Count: > 0 })
        {
            responses.Remove("400");
        }

        if (isRead)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of a copy the client holds; when it is still current the answer is 304 with no body.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("\"Yt3kQ0m9bXr2sVw8LzP1cN4hJ6a\""),
            });
            responses["304"] = new OpenApiResponse { Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header("The current strong ETag.") } };
        }

        var limited = isRead || metadata.OfType<EnableRateLimitingAttribute>().Any() || metadata.OfType<AdminOnlyMetadata>().Any();
        if (limited && !metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            responses["429"] = new OpenApiResponse
            {
                Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = Header("Seconds until this client may try again.", JsonSchemaType.Integer) },
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } },
            };
        }

        responses["500"] = new OpenApiResponse { Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } } };

        foreach (var (status, value) in responses)
        {
            if (value is not OpenApiResponse response)
            {
                continue;
            }

            response.Description = Descriptions.GetValueOrDefault(status, response.Description ?? status);
            if (status is "200" or "201")
            {
                AddSuccessHeaders(operation, response, isRead);
            }

            foreach (var (type, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                Example(id, status, type, media, context);
            }
        }

        if (operation.RequestBody is OpenApiRequestBody { Content: { } body } && body.TryGetValue("application/json", out var request))
        {
            request.Example = ApiExamples.Request(id) is { } value ? Serialize(value) : OperatorExamples.Request(id);
        }
    }

    private static void AddSuccessHeaders(OpenApiOperation operation, OpenApiResponse response, bool isRead)
    {
        if (!isRead)
        {
            return;
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["ETag"] = Header("Strong ETag: a hash of the exact bytes sent. Send it back in `If-None-Match` to revalidate.");
        response.Headers["Cache-Control"] = Header("`public, no-cache` for anonymous reads (cacheable, revalidated on every use); `private, no-store` when an API key was sent.");
        if (operation.Parameters?.Any(p => p.Name == "cursor") == true)
        {
            response.Headers["Link"] = Header("RFC 8288 link to the next page (`rel=\"next\"`), with the same query and the next cursor; absent on the last page.");
        }
    }

    private void Example(string id, string status, string type, OpenApiMediaType media, OperationFilterContext context)
    {
        if (type == ProblemJson)
        {
            var problems = ProblemExamples.For(id, status, context.ApiDescription.RelativePath ?? "", context.ApiDescription.ParameterDescriptions.Select(p => p.Name));
            media.Examples = problems.ToDictionary(p => p.Name, p => (IOpenApiExample)new OpenApiExample { Summary = p.Summary, Value = p.Body });
            return;
        }

        if (id == "GetReview" && type == "application/json")
        {
            media.Examples = ApiExamples.ReviewVariants().ToDictionary(v => v.Name, v => (IOpenApiExample)new OpenApiExample { Summary = v.Summary, Value = Serialize(v.Value) });
            return;
        }

        media.Example = ApiExamples.Response(id, type) switch
        {
            string text => JsonValue.Create(text),
            { } value => Serialize(value),
            null => OperatorExamples.Response(id, status),
        };
    }

    private JsonNode? Serialize(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), json.Value.SerializerOptions);

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String)
        => new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
