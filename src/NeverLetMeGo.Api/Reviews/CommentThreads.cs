using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

internal static class CommentThreads
{
    /// <summary>
    /// Nests replies under their parents in page order, masked like the review. Each comment's levels were decided when the
    /// review was written (a reply quoting a spoiler already carries its level). A reply whose parent is missing is shown
    /// at the top level rather than lost.
    /// </summary>
    public static IReadOnlyList<CommentResponse> Build(IReadOnlyList<CommentRow> rows, ReadOptions options)
    {
        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.Where(r => r.ParentId is { } p && ids.Contains(p)).ToLookup(r => r.ParentId!.Value);

        CommentResponse Node(CommentRow row)
        {
            var masked = SpoilerMask.Apply(ReviewMapping.ToBlocks(row.Blocks), options.Tolerance, options.Mask).Select(ReviewMapping.ToResponse).ToList();
            return new(row.Id, row.ParentId, row.Author, row.PublishedAt, masked, [.. children[row.Id].Select(Node)]);
        }

        return [.. rows.Where(r => r.ParentId is not { } p || !ids.Contains(p)).Select(Node)];
    }
}
