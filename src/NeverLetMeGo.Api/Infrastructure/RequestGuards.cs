using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>An endpoint's largest request body, when it takes more than <see cref="RequestGuards.DefaultBodyBytes"/>.</summary>
internal sealed record BodyLimitMetadata(long Bytes);

/// <summary>
/// Checks that run before any body is bound, so every refusal is a ProblemDetails the application writes: a request
/// target longer than <see cref="MaxTargetLength"/> (414), a body over its endpoint's limit (413), and query, route or
/// JSON body strings PostgreSQL cannot store (400, instead of the 500 the database's refusal would give). The operator
/// key comes first of all (<see cref="AdminGate"/>): nothing of a request without it is read.
/// </summary>
internal sealed class RequestGuards(RequestDelegate next, AdminGate admin)
{
    public const long DefaultBodyBytes = 64 * 1024;
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>
    /// Kestrel answers a request line over its limit itself, with an empty body; its limit is raised well past ours so
    /// that the application answers first. Only request lines over <see cref="KestrelRequestLineBytes"/> still get Kestrel's bare 414.
    /// </summary>
    public const int KestrelRequestLineBytes = 64 * 1024;

    public static void ConfigureKestrel(KestrelServerOptions options)
    {
        options.Limits.MaxRequestLineSize = KestrelRequestLineBytes;
        options.Limits.MaxRequestHeadersTotalSize = KestrelRequestLineBytes + (32 * 1024);
    }

    public async Task InvokeAsync(HttpContext http)
    {
        if (!await admin.AdmitAsync(http))
            return;
        var request = http.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length > MaxTargetLength)
        {
            await Problems.WriteAsync(http, StatusCodes.Status414UriTooLong, "Request target too long", $"The path and query must be at most {MaxTargetLength} characters.");
            return;
        }

        if (UnstorableParameter(request) is { } name)
        {
            await Problems.WriteBadParameterAsync(http, name, $"{name} {StorableText.Detail}");
            return;
        }

        if (HasBody(request) && !await CheckBodyAsync(http))
            return;
        await next(http);
    }

    private static string? UnstorableParameter(HttpRequest request)
    {
        foreach (var (key, values) in request.Query)
        {
            if (!StorableText.IsStorable(key))
                return "query";
            if (values.Any(v => !StorableText.IsStorable(v)))
                return key;
        }

        return request.RouteValues.FirstOrDefault(r => r.Value is string s && !StorableText.IsStorable(s)).Key;
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    /// <summary>Applies the endpoint's body limit and, for JSON, looks at every string; false when it answered the request.</summary>
    private static async Task<bool> CheckBodyAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodyLimitMetadata>()?.Bytes ?? DefaultBodyBytes;
        var detail = $"The request body must be at most {limit} bytes.";
        if (http.Request.ContentLength > limit)
        {
            await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", detail);
            return false;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (!http.Request.HasJsonContentType())
            return true;

        http.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", detail);
            return false;
        }

        http.Request.Body.Position = 0;
        if (UnstorableJsonString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } name)
        {
            await Problems.WriteBadParameterAsync(http, name, $"{name} {StorableText.Detail}");
            return false;
        }

        return true;
    }

    /// <summary>The property whose string value cannot be stored ("body" at the top level); null when all can, or the JSON is malformed (the binder says so).</summary>
    private static string? UnstorableJsonString(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var property = "body";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
                    continue;
                // An escaped lone surrogate cannot become a string at all: that is unstorable too.
                string? text;
                try
                {
                    text = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return property;
                }

                if (reader.TokenType == JsonTokenType.PropertyName)
                    property = StorableText.IsStorable(text) ? text! : "body";
                else if (!StorableText.IsStorable(text))
                    return property;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
