using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class ContentHashTests
{
    private static Review Base => SamplePages.Review(SamplePages.WordPressCom);

    [Fact]
    public void The_hash_is_lower_case_hex_sha256_and_stable_across_runs()
    {
        var again = ReviewPipeline.Process(SamplePages.Read(SamplePages.WordPressCom), SamplePages.FileUrl(SamplePages.WordPressCom));

        var hash = ContentHash.Compute(Base);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ContentHash.Compute(again));
    }

    public static TheoryData<string> Changes => ["url", "title", "author", "date", "site", "work", "rating", "block text", "block kind", "spoiler level", "reason", "comment author", "comment text", "comment parent"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_stored_change_changes_the_hash(string change)
    {
        var review = Base;
        var comment = review.Comments[1];
        var block = review.Blocks[0];
        var changed = change switch
        {
            "url" => review with { Url = review.Url + "x" },
            "title" => review with { Title = "Other" },
            "author" => review with { Author = null },
            "date" => review with { PublishedAt = review.PublishedAt!.Value.AddSeconds(1) },
            "site" => review with { SiteName = "Other" },
            "work" => review with { Work = new WorkRef("Other") },
            "rating" => review with { Rating = review.Rating! with { Value = 2, Normalized = 50 } },
            "block text" => review with { Blocks = [block with { Text = block.Text + "." }, .. review.Blocks.Skip(1)] },
            "block kind" => review with { Blocks = [block with { Kind = BlockKind.Quote }, .. review.Blocks.Skip(1)] },
            "spoiler level" => review with { Blocks = [block with { Spoiler = block.Spoiler with { Level = SpoilerLevel.Premise } }, .. review.Blocks.Skip(1)] },
            "reason" => review with { Blocks = [block with { Spoiler = block.Spoiler with { Reasons = ["other"] } }, .. review.Blocks.Skip(1)] },
            "comment author" => review with { Comments = [review.Comments[0], comment with { Author = "Other" }, .. review.Comments.Skip(2)] },
            "comment text" => review with { Comments = [review.Comments[0], comment with { Blocks = [comment.Blocks[0] with { Text = "Other" }] }, .. review.Comments.Skip(2)] },
            _ => review with { Comments = [review.Comments[0], comment with { ParentId = null }, .. review.Comments.Skip(2)] },
        };

        Assert.NotEqual(ContentHash.Compute(review), ContentHash.Compute(changed));
    }

    [Fact]
    public void The_same_instant_in_another_offset_hashes_the_same()
    {
        var review = Base;

        var shifted = review with { PublishedAt = review.PublishedAt!.Value.ToOffset(TimeSpan.FromHours(-4)) };

        Assert.Equal(ContentHash.Compute(review), ContentHash.Compute(shifted));
    }
}
