using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core;

/// <summary>
/// What `nlmg extract --no-spoilers` writes as X.json: the documented shape without the spoiler fields, which it never
/// computed, in the bytes `JsonSerializer` writes for it with the tagged batch's options (camelCase names, enums as
/// camelCase strings, indented, relaxed escaping; held to them by UntaggedReviewWriterTests). Written by hand because the
/// serializer's metadata, even generated at build time, makes the JIT compile about 300 framework methods in every new
/// process (generics over System.Text.Json's own value types, which ReadyToRun cannot hold): a measurable share of a
/// batch of a few hundred pages (bench/README.md, Extraction).
/// </summary>
public static class UntaggedReviewWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Review review, IBufferWriter<byte> output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("url", review.Url);
        json.WriteString("title", review.Title);
        json.WriteString("author", review.Author);
        WriteDate(json, "publishedAt", review.PublishedAt);
        json.WriteString("siteName", review.SiteName);
        json.WriteString("language", review.Language);
        json.WriteStartObject("work");
        json.WriteString("title", review.Work.Title);
        json.WriteEndObject();
        WriteRating(json, review.Rating);
        json.WriteString("extraction", Name(review.Extraction));
        WriteBlocks(json, review.Blocks);
        json.WriteStartArray("comments");
        foreach (var comment in review.Comments)
        {
            json.WriteStartObject();
            json.WriteString("id", comment.Id);
            json.WriteString("parentId", comment.ParentId);
            json.WriteString("author", comment.Author);
            WriteDate(json, "publishedAt", comment.PublishedAt);
            WriteBlocks(json, comment.Blocks);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBlocks(Utf8JsonWriter json, IReadOnlyList<Block> blocks)
    {
        json.WriteStartArray("blocks");
        foreach (var block in blocks)
        {
            json.WriteStartObject();
            json.WriteNumber("index", block.Index);
            json.WriteString("kind", Name(block.Kind));
            json.WriteString("text", block.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRating(Utf8JsonWriter json, Rating? rating)
    {
        if (rating is null)
        {
            json.WriteNull("rating");
            return;
        }

        json.WriteStartObject("rating");
        json.WriteString("raw", rating.Raw);
        json.WriteNumber("value", rating.Value);
        json.WriteNumber("scale", rating.Scale);
        json.WriteNumber("normalized", rating.Normalized);
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? date)
    {
        if (date is { } value)
            json.WriteString(name, value);
        else
            json.WriteNull(name);
    }

    // The names JsonStringEnumConverter(JsonNamingPolicy.CamelCase) gives, spelled out: asking the policy would reflect.
    private static string Name(BlockKind kind) => kind switch
    {
        BlockKind.Heading => "heading",
        BlockKind.Paragraph => "paragraph",
        BlockKind.ListItem => "listItem",
        BlockKind.Quote => "quote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Name(ExtractionMode mode) => mode switch
    {
        ExtractionMode.Article => "article",
        ExtractionMode.Fallback => "fallback",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
