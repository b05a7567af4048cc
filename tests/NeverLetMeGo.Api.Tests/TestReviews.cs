using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Api.Tests;

/// <summary>Hand-built reviews whose spoiler tags are known, so masking tests do not depend on the tagger's judgement.</summary>
internal static class TestReviews
{
    public const string PremiseSecret = "PREMISE-SECRET the students are raised to donate their organs.";
    public const string MajorSecret = "MAJOR-SECRET Tommy completes after his fourth donation.";
    public const string CommentSecret = "COMMENT-SECRET Ruth completes in the recovery centre.";

    public static Review Tagged(string url, string work = "Never Let Me Go", Rating? rating = null, DateTimeOffset? publishedAt = null) => new()
    {
        Url = url,
        Title = "A review of " + work,
        Author = "Test Critic",
        PublishedAt = publishedAt ?? new DateTimeOffset(2010, 9, 20, 12, 0, 0, TimeSpan.Zero),
        SiteName = "Test Reviews",
        Work = new WorkRef(work),
        Rating = rating,
        Blocks =
        [
            Plain(0, "The acting is superb and the pacing is patient."),
            new Block(1, BlockKind.Paragraph, "Spoiler alert: the rest of this review discusses the plot.", new SpoilerTag(SpoilerLevel.None, true, 0, ["author spoiler warning"])),
            new Block(2, BlockKind.Paragraph, PremiseSecret, new SpoilerTag(SpoilerLevel.Premise, false, 0.9, ["after the author's spoiler warning"])),
            new Block(3, BlockKind.Paragraph, MajorSecret, new SpoilerTag(SpoilerLevel.Major, false, 0.9, ["after the author's spoiler warning"])),
            new Block(4, BlockKind.Heading, "Verdict", SpoilerTag.Clean),
        ],
        Comments =
        [
            new Comment("comment-1", null, "Ruth", null, [Plain(0, "Lovely write-up, thank you.")]),
            new Comment("comment-2", "comment-1", "Kathy", null,
                [new Block(0, BlockKind.Paragraph, CommentSecret, new SpoilerTag(SpoilerLevel.Major, false, 1, ["marked as spoiler in the page"]))]),
            new Comment("comment-3", null, "Tommy", null, [Plain(0, "I preferred the book.")]),
        ],
    };

    public static async Task<SaveResult> SaveAsync(NpgsqlDataSource db, Review review)
        => await new ReviewStore(db).SaveAsync(review, ContentHash.Compute(review), DateTimeOffset.UtcNow, CancellationToken.None);

    private static Block Plain(int index, string text) => new(index, BlockKind.Paragraph, text, SpoilerTag.Clean);
}
