using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace NeverLetMeGo.Core;

/// <summary>
/// The JSON shape of <c>nlmg extract --json</c>: camelCase, enums as camelCase strings (none|premise|major,
/// heading|paragraph|listItem|quote), null members written, ISO 8601 times. The instance is shared and read-only;
/// copy it (<c>new JsonSerializerOptions(ReviewJson.Options)</c>) to change settings such as indentation.
/// </summary>
public static class ReviewJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
