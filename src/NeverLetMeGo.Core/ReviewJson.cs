using System.Text.Json;

namespace NeverLetMeGo.Core;

/// <summary>The JSON shape of <c>nlmg extract --json</c>: camelCase, enums as camelCase strings, ISO 8601 times.</summary>
public static class ReviewJson
{
    public static JsonSerializerOptions Options => throw new NotImplementedException();
}
