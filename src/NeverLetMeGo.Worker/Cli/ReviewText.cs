using System.Globalization;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>The human-readable form of an extracted review: metadata, then one line per block with its tag.</summary>
internal static class ReviewText
{
    private const int PreviewLength = 90;

    public static void Write(TextWriter output, Review review)
    {
        output.WriteLine($"Title:     {review.Title ?? "(none)"}");
        output.WriteLine($"Work:      {review.Work.Title}");
        output.WriteLine($"Author:    {review.Author ?? "(unknown)"}");
        output.WriteLine($"Published: {review.PublishedAt?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "(unknown)"}");
        output.WriteLine($"Site:      {review.SiteName ?? "(unknown)"}");
        output.WriteLine($"URL:       {review.Url}");
        output.WriteLine($"Rating:    {Rating(review.Rating)}");
        output.WriteLine($"Spoilers:  {(review.ContainsSpoilers ? "yes" : "no")}");
        output.WriteLine();
        output.WriteLine($"Blocks ({review.Blocks.Count}):");
        foreach (var block in review.Blocks)
            output.WriteLine(Line(block));
        output.WriteLine();
        output.WriteLine($"Comments: {review.Comments.Count}");
    }

    private static string Rating(Rating? rating) => rating is null
        ? "(none)"
        : string.Create(CultureInfo.InvariantCulture, $"{rating.Raw} = {rating.Value}/{rating.Scale} ({rating.Normalized:0.#}/100)");

    private static string Line(Block block)
    {
        var level = block.Spoiler.Level.ToString().ToLowerInvariant();
        var warning = block.Spoiler.Warning ? "warning" : "";
        var kind = char.ToLowerInvariant(block.Kind.ToString()[0]) + block.Kind.ToString()[1..];
        var text = block.Text.ReplaceLineEndings(" ");
        if (text.Length > PreviewLength)
            text = text[..(PreviewLength - 1)] + "…";
        return string.Create(CultureInfo.InvariantCulture, $"  {block.Index,3} {kind,-9} {level,-7} {warning,-7} {text}");
    }
}
