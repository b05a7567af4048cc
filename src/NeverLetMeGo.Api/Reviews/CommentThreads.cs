using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

internal static class CommentThreads
{
    /// <summary>
    /// Nests replies under their parents in page order, masked like the review. A reply whose parent is missing is shown
    /// at the top level rather than lost. A reply that quotes a spoiler comment inherits its level.
    /// </summary>
    public static IReadOnlyList<CommentResponse> Build(IReadOnlyList<CommentRow> rows, ReadOptions options)
    {
        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.Where(r => r.ParentId is { } p && ids.Contains(p)).ToLookup(r => r.ParentId!.Value);

        CommentResponse Node(CommentRow row, IReadOnlyList<Block>? parent)
        {
            var blocks = Inherit(ReviewMapping.ToBlocks(row.Blocks), parent);
            var masked = SpoilerMask.Apply(blocks, options.Tolerance, options.Mask).Select(ReviewMapping.ToResponse).ToList();
            return new(row.Id, row.ParentId, row.Author, row.PublishedAt, masked, [.. children[row.Id].Select(c => Node(c, blocks))]);
        }

        return [.. rows.Where(r => r.ParentId is not { } p || !ids.Contains(p)).Select(r => Node(r, null))];
    }

    /// <summary>
    /// A reply that quotes a spoiler parent (a quote block, or four words in a row from its spoiler text) takes the parent's
    /// highest level on every block: the quote is the spoiler, and the reply around it usually discusses it.
    /// </summary>
    internal static IReadOnlyList<Block> Inherit(IReadOnlyList<Block> reply, IReadOnlyList<Block>? parent)
    {
        var spoilers = parent?.Where(b => !b.Spoiler.Warning && b.Spoiler.Level > SpoilerLevel.None).ToList() ?? [];
        if (spoilers.Count == 0)
        {
            return reply;
        }

        var level = spoilers.Max(b => b.Spoiler.Level);
        var runs = spoilers.SelectMany(b => SafeText.Runs(SafeText.Words(b.Text), 4)).ToHashSet(StringComparer.Ordinal);
        var quotes = reply.Any(b => b.Kind == BlockKind.Quote || SafeText.Runs(SafeText.Words(b.Text), 4).Any(runs.Contains));
        if (!quotes)
        {
            return reply;
        }

        return [.. reply.Select(b => b.Spoiler.Level >= level
            ? b
            : b with { Spoiler = new SpoilerTag(level, false, b.Spoiler.Score, [SpoilerReasons.QuotesSpoiler]) })];
    }
}
