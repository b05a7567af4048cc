using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core;

public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 over everything stored for the review (metadata, blocks with tags, comments), so any change is seen.</summary>
    /// <remarks>
    /// The canonical form is written field by field rather than through <see cref="ReviewJson"/>, so output settings can
    /// change without changing every stored hash; times are written in UTC so the same instant always hashes the same.
    /// </remarks>
    public static string Compute(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(review.Url);
            writer.WriteStringValue(review.Title);
            writer.WriteStringValue(review.Author);
            WriteTime(writer, review.PublishedAt);
            writer.WriteStringValue(review.SiteName);
            writer.WriteStringValue(review.Work.Title);
            WriteRating(writer, review.Rating);
            WriteBlocks(writer, review.Blocks);
            writer.WriteStartArray();
            foreach (var comment in review.Comments)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(comment.Id);
                writer.WriteStringValue(comment.ParentId);
                writer.WriteStringValue(comment.Author);
                WriteTime(writer, comment.PublishedAt);
                WriteBlocks(writer, comment.Blocks);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    private static void WriteTime(Utf8JsonWriter writer, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            writer.WriteStringValue(t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteRating(Utf8JsonWriter writer, Rating? rating)
    {
        if (rating is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        writer.WriteStringValue(rating.Raw);
        writer.WriteNumberValue(rating.Value);
        writer.WriteNumberValue(rating.Scale);
        writer.WriteNumberValue(rating.Normalized);
        writer.WriteEndArray();
    }

    private static void WriteBlocks(Utf8JsonWriter writer, IReadOnlyList<Block> blocks)
    {
        writer.WriteStartArray();
        foreach (var block in blocks)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(block.Index);
            writer.WriteStringValue(block.Kind.ToString());
            writer.WriteStringValue(block.Text);
            writer.WriteStringValue(block.Spoiler.Level.ToString());
            writer.WriteBooleanValue(block.Spoiler.Warning);
            writer.WriteNumberValue(block.Spoiler.Score);
            writer.WriteStartArray();
            foreach (var reason in block.Spoiler.Reasons)
            {
                writer.WriteStringValue(reason);
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
