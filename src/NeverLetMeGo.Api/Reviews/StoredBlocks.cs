using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>
/// A review's blocks as stored for one tolerance (Data's ReviewViews: encoded when the review was written, from Core's
/// masked view): written to the response as they are, and decoded only if something enumerates them.
/// </summary>
internal sealed class StoredBlocks(ReadOnlyMemory<byte> json) : IReadOnlyList<BlockResponse>
{
    private IReadOnlyList<BlockResponse>? _decoded;

    public ReadOnlyMemory<byte> Json { get; } = json;

    private IReadOnlyList<BlockResponse> Decoded => _decoded ??= JsonSerializer.Deserialize<List<BlockResponse>>(Json.Span, JsonSerializerOptions.Web) ?? [];

    public BlockResponse this[int index] => Decoded[index];

    public int Count => Decoded.Count;

    public IEnumerator<BlockResponse> GetEnumerator() => Decoded.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Writes a list of blocks: a stored view's JSON as it is, any other list as the serializer writes it.</summary>
internal sealed class BlockListJson : JsonConverter<IReadOnlyList<BlockResponse>>
{
    public override IReadOnlyList<BlockResponse>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonSerializer.Deserialize<List<BlockResponse>>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<BlockResponse> value, JsonSerializerOptions options)
    {
        if (value is StoredBlocks stored)
        {
            // Written by ReviewViews.Encode from Core's masked view; the API's tests hold it to what the loop below writes.
            writer.WriteRawValue(stored.Json.Span, skipInputValidation: true);
            return;
        }

        writer.WriteStartArray();
        foreach (var block in value)
        {
            JsonSerializer.Serialize(writer, block, options);
        }

        writer.WriteEndArray();
    }
}
