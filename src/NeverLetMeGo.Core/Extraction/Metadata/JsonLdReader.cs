using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// Reads schema.org JSON-LD blocks: top-level objects, arrays and @graph lists, with author/publisher references
/// resolved through @id. The article node is the first Review, then the first Article-like node.
/// </summary>
internal static partial class JsonLdReader
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private static readonly string[] ArticleTypes =
    [
        "Review", "CriticReview", "UserReview", "EmployerReview", "Article", "BlogPosting", "NewsArticle", "ReportageNewsArticle",
        "OpinionNewsArticle", "AnalysisNewsArticle", "ReviewNewsArticle", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
        "LiveBlogPosting", "Report", "Blog",
    ];

    public static JsonLdFacts Read(IEnumerable<string> scripts)
    {
        var nodes = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in scripts)
            {
                var json = Unwrap(script);

                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(WithoutHalfPairs(json), Lenient);
                }
                catch (Exception e) when (e is JsonException or ArgumentException)
                {
                    // Not JSON, or text that has no UTF-8 form: the page's other facts still count.
                    continue;
                }

                documents.Add(document);
                Flatten(document.RootElement, nodes, 0);
            }

            return Facts(nodes);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>
    /// Half of an escaped surrogate pair ("\ud83d" where a site cut a description inside an emoji) as "\ufffd", the
    /// replacement character a browser shows for it: reading the half as a string throws, and the page's every fact was
    /// lost with it. An escaped backslash before the "u" ("\\ud83d") is text, left alone.
    /// </summary>
    internal static string WithoutHalfPairs(string json) =>
        json.Contains("\\u", StringComparison.Ordinal) ? HalfPair().Replace(json, "\\ufffd") : json;

    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex HalfPair();

    /// <summary>
    /// The JSON inside a script's wrappers: an HTML comment, or the CDATA section XHTML-minded sites put around script text,
    /// bare or behind a comment marker ("<![CDATA[ … ]]>", "//<![CDATA[ … //]]>", "/*<![CDATA[*/ … /*]]>*/").
    /// </summary>
    internal static string Unwrap(string script)
    {
        var json = script.Trim();
        if (json.StartsWith("<!--", StringComparison.Ordinal))
        {
            json = json[4..].TrimEnd().TrimEnd('>').TrimEnd('-');
        }

        var open = json.IndexOf("<![CDATA[", StringComparison.Ordinal);
        if (open is < 0 or > 2)
        {
            return json;
        }

        var close = json.LastIndexOf("]]>", StringComparison.Ordinal);
        json = (close > open ? json[(open + 9)..close] : json[(open + 9)..]).Trim();
        if (json.StartsWith("*/", StringComparison.Ordinal))
        {
            json = json[2..];
        }

        if (json.EndsWith("/*", StringComparison.Ordinal) || json.EndsWith("//", StringComparison.Ordinal))
        {
            json = json[..^2];
        }

        return json.Trim();
    }

    private static void Flatten(JsonElement element, List<JsonElement> nodes, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Flatten(item, nodes, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        nodes.Add(element);
        if (element.TryGetProperty("@graph", out var graph))
        {
            Flatten(graph, nodes, depth + 1);
        }
    }

    private static JsonLdFacts Facts(List<JsonElement> nodes)
    {
        if (nodes.Count == 0)
        {
            return JsonLdFacts.None;
        }

        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (Str(node, "@id") is { } id)
            {
                byId.TryAdd(id, node);
            }
        }

        JsonElement? article = null;
        foreach (var type in ArticleTypes)
        {
            article = nodes.FirstOrDefault(n => HasType(n, type)) is { ValueKind: JsonValueKind.Object } found ? found : null;
            if (article is not null)
            {
                break;
            }
        }

        var website = nodes.FirstOrDefault(n => HasType(n, "WebSite"));
        var websiteName = website.ValueKind == JsonValueKind.Object ? Str(website, "name") : null;
        if (article is not { } a)
        {
            return new JsonLdFacts { WebsiteName = websiteName };
        }

        return new JsonLdFacts
        {
            Headline = Str(a, "headline") ?? Str(a, "name"),
            Name = Str(a, "name"),
            Author = Names(a, "author", byId),
            DatePublished = Str(a, "datePublished") ?? Str(a, "dateCreated"),
            Publisher = Names(a, "publisher", byId),
            WebsiteName = websiteName,
            ItemReviewed = a.TryGetProperty("itemReviewed", out var item) ? Names(item, byId) : null,
            InLanguage = Str(a, "inLanguage") ?? (website.ValueKind == JsonValueKind.Object ? Str(website, "inLanguage") : null),
            Rating = a.TryGetProperty("reviewRating", out var rating) ? ReadRating(Resolve(rating, byId)) : null,
        };
    }

    private static JsonLdRating? ReadRating(JsonElement rating)
    {
        if (rating.ValueKind != JsonValueKind.Object || !TryNumber(rating, "ratingValue", out var value, out var raw))
        {
            return null;
        }

        var best = TryNumber(rating, "bestRating", out var b, out _) ? b : 5;
        var worst = TryNumber(rating, "worstRating", out var w, out _) ? w : 0;
        return best > worst && value >= worst && value <= best ? new JsonLdRating(raw, value, best, worst) : null;
    }

    private static bool TryNumber(JsonElement element, string property, out double value, out string raw)
    {
        value = 0;
        raw = string.Empty;
        if (!element.TryGetProperty(property, out var prop))
        {
            return false;
        }

        raw = prop.ValueKind == JsonValueKind.String ? prop.GetString() ?? string.Empty : prop.GetRawText();
        return double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static string? Names(JsonElement owner, string property, Dictionary<string, JsonElement> byId) =>
        owner.TryGetProperty(property, out var value) ? Names(value, byId) : null;

    /// <summary>A person/organisation/thing as a string, {name}, {@id} reference, or an array of those, joined with ", ".</summary>
    private static string? Names(JsonElement value, Dictionary<string, JsonElement> byId)
    {
        var names = new List<string>();
        void Add(JsonElement v)
        {
            v = Resolve(v, byId);
            var name = v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Object => Str(v, "name"),
                _ => null,
            };
            name = TextBuffer.Normalize(name);
            if (name.Length > 0 && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var v in value.EnumerateArray())
            {
                Add(v);
            }
        }
        else
        {
            Add(value);
        }

        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    private static JsonElement Resolve(JsonElement value, Dictionary<string, JsonElement> byId) =>
        value.ValueKind == JsonValueKind.Object && !value.TryGetProperty("name", out _) && Str(value, "@id") is { } id && byId.TryGetValue(id, out var target)
            ? target
            : value;

    private static bool HasType(JsonElement node, string type)
    {
        if (!node.TryGetProperty("@type", out var t))
        {
            return false;
        }

        if (t.ValueKind == JsonValueKind.String)
        {
            return string.Equals(t.GetString(), type, StringComparison.OrdinalIgnoreCase);
        }

        return t.ValueKind == JsonValueKind.Array
            && t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && string.Equals(x.GetString(), type, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Str(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        };
        // Sites write entities into JSON-LD strings ("Don&#8217;t"); decoded as the page's own text is, by one decoder.
        var normalized = text is null ? string.Empty : TextBuffer.Normalize(CharacterReferences.Decode(text));
        return normalized.Length > 0 ? normalized : null;
    }
}
