using System.CommandLine;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Data.Knowledge;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>
/// `nlmg retag [--work id]`: re-runs spoiler tagging over stored reviews after the model or a work's knowledge (its
/// stored reviews, its operators' spoiler terms) changed, and reports how many blocks changed level.
/// </summary>
internal static class RetagCommand
{
    public static Command Create(CliContext context)
    {
        var work = new Option<long?>("--work") { Description = "Only the reviews of this work id." };
        var command = new Command("retag", "Re-tag stored reviews with the current model and work knowledge; report blocks whose level changed.") { work };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetValue(work), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, long? workId, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        var knowledgeStore = new WorkKnowledgeStore(db);
        if (workId is { } id && !await knowledgeStore.WorkExistsAsync(id, ct))
            throw new CliException($"no work with id {id}");

        var levels = new SpoilerLevelStore(db);
        var reviews = await levels.GetReviewIdsAsync(workId, ct);
        var knowledge = new Dictionary<long, WorkKnowledge>();
        int blocks = 0, changed = 0, reviewsChanged = 0, titlesChanged = 0;
        foreach (var (reviewId, reviewWork) in reviews)
        {
            if (!knowledge.TryGetValue(reviewWork, out var known))
                knowledge[reviewWork] = known = await knowledgeStore.GetKnowledgeAsync(reviewWork, ct);
            var stored = await levels.GetBlocksAsync(reviewId, reviewWork, ct);
            var article = SpoilerRetagger.Retag(stored.Article, known, null, out var reading, stored.Title);
            var comments = stored.Comments.SelectMany(c => SpoilerRetagger.Retag(c.Blocks, known, reading, out _, stored.Title, comment: true).Select(b => (c.CommentId, Block: b))).ToArray();
            var title = TitleReading.Level(stored.Title, known, reading);
            var before = stored.Article.Concat(stored.Comments.SelectMany(c => c.Blocks)).ToArray();
            var after = article.Concat(comments.Select(c => c.Block)).ToArray();
            var moved = before.Zip(after).Count(p => p.First.Spoiler.Level != p.Second.Spoiler.Level || p.First.Spoiler.Warning != p.Second.Spoiler.Warning);
            blocks += before.Length;
            changed += moved;
            if (title != stored.TitleLevel)
                titlesChanged++;
            if (moved > 0)
                reviewsChanged++;
            // Scores, reasons and sentences may change without a level changing; they are saved too, so reasons stay true
            // and reviews stored before sentences were kept get them (comment blocks keep none).
            if (!before.Zip(after).All(p => SameTag(p.First.Spoiler, p.Second.Spoiler))
                || !stored.Article.Zip(article).All(p => p.First.Sentences.SequenceEqual(p.Second.Sentences))
                || title != stored.TitleLevel)
                await levels.SaveTagsAsync(reviewId, article, comments, title, ct);
        }

        context.Out.WriteLine($"retagged {reviews.Count} reviews of {knowledge.Count} works: {changed} of {blocks} blocks changed level ({reviewsChanged} reviews), {titlesChanged} titles changed level");
        return ExitCodes.Ok;
    }

    private static bool SameTag(SpoilerTag a, SpoilerTag b) =>
        a.Level == b.Level && a.Warning == b.Warning && a.Score.Equals(b.Score) && a.Reasons.SequenceEqual(b.Reasons, StringComparer.Ordinal);
}
