using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Decisions;

/// <summary>A review's comments as one thread: who replies to whom, and what a reply takes from the spoiler it quotes.</summary>
public static class CommentThread
{
    private const int QuotedRun = 4;

    /// <summary>
    /// For each comment (by page position), the position of the comment it replies to. Unknown parents, self-replies and
    /// cycles are dropped so the thread is always a forest, whatever the page said.
    /// </summary>
    public static int?[] ResolveParents(IReadOnlyList<Comment> comments)
    {
        var positionById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < comments.Count; i++)
            positionById.TryAdd(comments[i].Id, i);

        var parents = new int?[comments.Count];
        for (var i = 0; i < comments.Count; i++)
        {
            if (comments[i].ParentId is { } parentId && positionById.TryGetValue(parentId, out var p) && p != i)
                parents[i] = p;
        }

        for (var i = 0; i < parents.Length; i++)
        {
            var seen = new HashSet<int> { i };
            for (var at = parents[i]; at is { } a; at = parents[a])
            {
                if (seen.Add(a))
                    continue;
                if (a == i)
                    parents[i] = null; // i is on a cycle: cutting its link breaks it.
                break;
            }
        }

        return parents;
    }

    /// <summary>Each comment's blocks after inheritance, parents decided before their replies (a parent out of range is none).</summary>
    public static IReadOnlyList<IReadOnlyList<Block>> Decide(IReadOnlyList<ThreadComment> comments)
    {
        var decided = new IReadOnlyList<Block>?[comments.Count];

        IReadOnlyList<Block> At(int i, int depth)
        {
            if (decided[i] is { } done)
                return done;
            // A malformed chain (a cycle the caller did not resolve) is cut rather than followed for ever.
            var parent = comments[i].Parent is { } p && p >= 0 && p < comments.Count && p != i && depth < comments.Count ? At(p, depth + 1) : null;
            return decided[i] = Inherit(comments[i].Blocks, parent);
        }

        for (var i = 0; i < comments.Count; i++)
            At(i, 0);
        return [.. decided.Select(d => d!)];
    }

    /// <summary>
    /// A reply that quotes a spoiler parent (a quote block, or four words in a row from its spoiler text) takes the parent's
    /// highest level on every block: the quote is the spoiler, and the reply around it usually discusses it.
    /// </summary>
    public static IReadOnlyList<Block> Inherit(IReadOnlyList<Block> reply, IReadOnlyList<Block>? parent)
    {
        var spoilers = parent?.Where(b => !b.Spoiler.Warning && b.Spoiler.Level > SpoilerLevel.None).ToList() ?? [];
        if (spoilers.Count == 0)
            return reply;

        var level = spoilers.Max(b => b.Spoiler.Level);
        var runs = spoilers.SelectMany(b => SafeText.Runs(SafeText.Words(b.Text), QuotedRun)).ToHashSet(StringComparer.Ordinal);
        var quotes = reply.Any(b => b.Kind == BlockKind.Quote || SafeText.Runs(SafeText.Words(b.Text), QuotedRun).Any(runs.Contains));
        if (!quotes)
            return reply;

        return [.. reply.Select(b => b.Spoiler.Level >= level
            ? b
            : b with { Spoiler = new SpoilerTag(level, false, b.Spoiler.Score, [SpoilerReasons.QuotesSpoiler]) })];
    }
}
