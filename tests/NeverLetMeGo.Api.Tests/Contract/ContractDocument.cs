using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Api.Tests.Contract;

/// <summary>
/// The committed openapi/v1.json as a contract every response must keep: a documented status with a body its schema
/// accepts, or, for an error the document does not list (413, 415, …), a ProblemDetails. Only the OpenAPI 3.0 keywords
/// the document uses are understood ($ref, allOf, type, format, nullable, properties, additionalProperties, items).
/// </summary>
internal sealed class ContractDocument
{
    private readonly JsonElement _root;
    private readonly List<(Regex Pattern, int Literals, JsonElement Item)> _paths = [];

    public ContractDocument(JsonElement root)
    {
        _root = root;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var segments = path.Name.Trim('/').Split('/');
            var pattern = "^/" + string.Join('/', segments.Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$";
            _paths.Add((new Regex(pattern, RegexOptions.CultureInvariant), segments.Count(s => !s.StartsWith('{')), path.Value));
        }
    }

    public static ContractDocument Committed { get; } = Load(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "openapi", "v1.json")));

    public static ContractDocument Load(string json) => new(JsonDocument.Parse(json).RootElement.Clone());

    /// <summary>Every way the response breaks the document; empty when it keeps it.</summary>
    public IReadOnlyList<string> Check(string method, string path, HttpStatusCode status, string? mediaType, string body)
    {
        var errors = new List<string>();
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var operation = Operation(method, path);
        if (operation is not { } op)
        {
            // Not an API route (the reading page, Swagger UI) unless it failed: then it must be a problem like any other.
            if ((int)status >= 400)
                CheckProblem(mediaType, body, errors);
            return errors;
        }

        if (status == HttpStatusCode.NotModified || (method == "HEAD" && (int)status < 400))
            return errors;
        if (!op.GetProperty("responses").TryGetProperty(code, out var response))
        {
            if ((int)status >= 400)
                CheckProblem(mediaType, body, errors);
            else
                errors.Add($"status {code} is not documented");
            return errors;
        }

        if (!response.TryGetProperty("content", out var content))
            return errors;
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
        {
            errors.Add($"media type {mediaType ?? "(none)"} is not documented for {code}");
            return errors;
        }

        if (mediaType.EndsWith("json", StringComparison.Ordinal) && media.TryGetProperty("schema", out var schema))
            CheckJson(body, schema, errors);
        return errors;
    }

    private JsonElement? Operation(string method, string path)
    {
        var normalized = "/" + path.Trim('/');
        var verb = method == "HEAD" ? "get" : method.ToLowerInvariant();
        return _paths.Where(p => p.Pattern.IsMatch(normalized)).OrderByDescending(p => p.Literals)
            .Select(p => p.Item.TryGetProperty(verb, out var op) ? op : (JsonElement?)null).FirstOrDefault();
    }

    private void CheckProblem(string? mediaType, string body, List<string> errors)
    {
        if (mediaType != "application/problem+json")
        {
            errors.Add($"an error answered {mediaType ?? "(no content type)"} instead of application/problem+json");
            return;
        }

        CheckJson(body, _root.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails"), errors);
    }

    private void CheckJson(string body, JsonElement schema, List<string> errors)
    {
        JsonElement value;
        try
        {
            value = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException ex)
        {
            errors.Add($"the body is not JSON: {ex.Message}");
            return;
        }

        Validate(value, schema, "$", errors);
    }

    private void Validate(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(value, Resolve(reference.GetString()!), at, errors);
            return;
        }

        var nullable = schema.TryGetProperty("nullable", out var n) && n.GetBoolean();
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
                errors.Add($"{at} is null, which the document does not allow");
            return;
        }

        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
                Validate(value, part, at, errors);
        }

        if (!schema.TryGetProperty("type", out var type))
            return;
        var expected = type.GetString();
        var kind = value.ValueKind;
        var fits = expected switch
        {
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "integer" => kind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!fits)
        {
            errors.Add($"{at} is {kind}, the document says {expected}");
            return;
        }

        if (expected == "string" && schema.TryGetProperty("format", out var format) && format.GetString() == "date-time"
            && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add($"{at} is not a date-time");
        if (expected == "array" && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
                Validate(item, items, $"{at}[{i++}]", errors);
        }

        if (expected == "object")
            ValidateObject(value, schema, at, errors);
    }

    private void ValidateObject(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var extra = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var known))
                Validate(property.Value, known, $"{at}.{property.Name}", errors);
            else if (extra.ValueKind == JsonValueKind.False)
                errors.Add($"{at}.{property.Name} is not in the document");
            else if (extra.ValueKind == JsonValueKind.Object)
                Validate(property.Value, extra, $"{at}.{property.Name}", errors);
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)))
                errors.Add($"{at}.{name} is required by the document but missing");
        }
    }

    private JsonElement Resolve(string reference)
    {
        var node = _root;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
            node = node.GetProperty(part);
        return node;
    }
}
