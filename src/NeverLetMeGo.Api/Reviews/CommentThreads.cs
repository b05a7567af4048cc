using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Reviews;

internal static class CommentThreads
{
    /// <summary>Nests replies under their parents in page order. A reply whose parent is missing is shown at the top level rather than lost.</summary>
    public static IReadOnlyList<CommentResponse> Build(IReadOnlyList<CommentRow> rows, SpoilerTolerance tolerance)
    {
        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.Where(r => r.ParentId is { } p && ids.Contains(p)).ToLookup(r => r.ParentId!.Value);

        CommentResponse Node(CommentRow row) => new(
            row.Id, row.ParentId, row.Author, row.PublishedAt, ReviewMapping.Mask(row.Blocks, tolerance), [.. children[row.Id].Select(Node)]);

        return [.. rows.Where(r => r.ParentId is not { } p || !ids.Contains(p)).Select(Node)];
    }
}
