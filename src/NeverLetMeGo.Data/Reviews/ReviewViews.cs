using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using Npgsql;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>A review's blocks as one tolerance shows them (Core's decision, stored): the JSON array and how many are hidden.</summary>
public sealed record StoredView(int HiddenBlocks, ReadOnlyMemory<byte> BlocksJson);

/// <summary>
/// The masked views Core decided for a review (<see cref="ReviewDecision.Views"/>), stored in review_views as the JSON
/// the API sends for them: each block's index, kind, level, warning, hidden, text and reason, with the API's names and
/// escaping (ASP.NET Core's JSON options escape only what JSON requires). The API's tests hold this encoding to the one
/// its serializer writes.
/// </summary>
public static class ReviewViews
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON array of the masked blocks, UTF-8.</summary>
    public static byte[] Encode(IReadOnlyList<MaskedBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var buffer = new ArrayBufferWriter<byte>(256 * (blocks.Count + 1));
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartArray();
            foreach (var block in blocks)
            {
                // Sentence parts belong to another mask mode; a stored view never has them.
                if (block.Parts is not null)
                    throw new ArgumentException($"Block {block.Index} has sentence parts, which a stored view does not hold.", nameof(blocks));
                json.WriteStartObject();
                json.WriteNumber("index", block.Index);
                json.WriteString("kind", BlockKinds.ToColumn(block.Kind));
                json.WriteString("level", block.Level.ToWireName());
                json.WriteBoolean("warning", block.Warning);
                json.WriteBoolean("hidden", block.Hidden);
                json.WriteString("text", block.Text);
                json.WriteString("reason", block.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The review's views, one per tolerance, replacing any it had.</summary>
    internal static NpgsqlBatchCommand UpsertCommand(long reviewId, ReviewDecision decision)
    {
        const string sql = """
            insert into review_views (review_id, tolerance, hidden_blocks, blocks)
            select @reviewId, u.tolerance, u.hidden, u.blocks
            from unnest(@tolerances, @hidden, @blocks) as u(tolerance, hidden, blocks)
            on conflict (review_id, tolerance) do update set hidden_blocks = excluded.hidden_blocks, blocks = excluded.blocks
            where (review_views.hidden_blocks, review_views.blocks) is distinct from (excluded.hidden_blocks, excluded.blocks)
            """;
        return new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter<long>("reviewId", reviewId),
                new NpgsqlParameter<short[]>("tolerances", ReviewDecider.Tolerances.Select(t => (short)t).ToArray()),
                new NpgsqlParameter<int[]>("hidden", decision.Views.Select(v => v.HiddenBlocks).ToArray()),
                new NpgsqlParameter<byte[][]>("blocks", decision.Views.Select(v => Encode(v.Blocks)).ToArray()),
            },
        };
    }
}
