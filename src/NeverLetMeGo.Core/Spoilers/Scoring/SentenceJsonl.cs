using System.Text.Json;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers.Scoring;

/// <summary>
/// One line of a sentence file: {"id", "work_id", "review_id"?, "text", "label"?, "source"?}. A label is "none" | "premise"
/// | "major", or 0 | 1 (1 = spoiler, read as major). Shared by `nlmg spoilers` and the tests, so both read corpora alike.
/// </summary>
public static class SentenceJsonl
{
    /// <exception cref="FormatException">The line is not a sentence object; the message says what is wrong.</exception>
    public static LabelledSentence Parse(string line, bool labelled)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return Read(doc.RootElement, labelled);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException(ex.Message);
        }
    }

    private static LabelledSentence Read(JsonElement root, bool labelled)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("each line must be a JSON object");
        var id = Text(root, "id") ?? throw new FormatException("missing \"id\"");
        var work = Text(root, "work_id") ?? throw new FormatException("missing \"work_id\"");
        var text = Text(root, "text") ?? throw new FormatException("missing \"text\"");
        var label = SpoilerLevel.None;
        if (labelled)
        {
            if (!root.TryGetProperty("label", out var l))
                throw new FormatException("missing \"label\"");
            label = l.ValueKind switch
            {
                JsonValueKind.Number => l.GetRawText() switch { "0" => SpoilerLevel.None, "1" => SpoilerLevel.Major, var n => throw new FormatException($"label {n} is not 0 or 1") },
                JsonValueKind.String => l.GetString() switch
                {
                    "none" => SpoilerLevel.None,
                    "premise" => SpoilerLevel.Premise,
                    "major" => SpoilerLevel.Major,
                    var s => throw new FormatException($"label \"{s}\" is not none, premise or major"),
                },
                _ => throw new FormatException("label must be a string or 0/1"),
            };
        }

        return new LabelledSentence(new SentenceInput(id, work, Text(root, "review_id"), text), label, Text(root, "source") ?? "all");
    }

    // Ids may be numbers in other people's files.
    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var v) ? null
        : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new FormatException($"\"{name}\" must be a string"),
        };
}
