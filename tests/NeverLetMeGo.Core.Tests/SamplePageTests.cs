using System.Globalization;
using System.Text.Json;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

public sealed class SamplePageTests
{
    public static TheoryData<string> Samples => new(SamplePages.All);

    public static TheoryData<string, string> DistinctiveParagraphs => new()
    {
        { SamplePages.HubPages, "If you haven't seen the movie already, then you should probably watch the movie first." },
        { SamplePages.HubPages, "-The fear of being alone." },
        { SamplePages.HubPages, "This form of letting go is completely evitable and reflects the way in which values have been turned inside out as to what it means to be human." },
        { SamplePages.WordPress, "Instead the heart of the film is psychological." },
        { SamplePages.WordPress, "Also, some think Never Let Me Go is the most wrongly overlooked film of 2010. And Carey Mulligan, as always, is magnificent." },
        { SamplePages.WordPressCom, "Never Let Me Go is based on the Kazou Ishiguro novel, and the film really feels like it." },
        { SamplePages.WordPressCom, "Long story short: 3/4 stars" },
        { SamplePages.JumpBreakBlog, "When reviewing the masterful Never Let Me Go I was cautious not to spoil any of the plot." },
        { SamplePages.JumpBreakBlog, "Never Let Me Go will slowly, quietly break your heart, but having your heart broken is a part of life, no matter your reason for existence." },
    };

    private static readonly string[] Boilerplate =
    [
        "cookie", "Leave a Reply", "Related Articles", "Share this", "Subscribe", "newsletter", "More by this Author", "Not sure",
        "I don't believe in souls", "See results without voting", "Rate This", "Back to top", "No comments yet", "Post Comment",
        "8192", "Advertisement", "Posted in", "Tagged", "Skip to content", "Sign In",
    ];

    [Theory]
    [MemberData(nameof(DistinctiveParagraphs))]
    public void Each_page_keeps_its_distinctive_paragraphs(string page, string paragraph)
    {
        Assert.Contains(SamplePages.Review(page).Blocks, b => b.Text.Contains(paragraph, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_boilerplate_and_no_comment_text_reaches_the_article(string page)
    {
        var review = SamplePages.Review(page);
        var article = string.Join("\n", review.Texts());

        Assert.All(Boilerplate, marker => Assert.DoesNotContain(marker, article, StringComparison.OrdinalIgnoreCase));
        foreach (var comment in review.Comments.SelectMany(c => c.Blocks).Where(b => b.Text.Length > 40))
        {
            Assert.DoesNotContain(comment.Text, article, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SamplePages.WordPress, 22)]
    [InlineData(SamplePages.WordPressCom, 4)]
    [InlineData(SamplePages.HubPages, 0)]
    [InlineData(SamplePages.JumpBreakBlog, 0)]
    public void Comments_are_extracted_apart(string page, int count)
    {
        var comments = SamplePages.Review(page).Comments;

        Assert.Equal(count, comments.Count);
        Assert.All(comments, c => Assert.NotEmpty(c.Blocks));
        Assert.All(comments, c => Assert.False(string.IsNullOrEmpty(c.Author)));
        Assert.All(comments, c => Assert.NotNull(c.PublishedAt));
        Assert.Equal(comments.Count, comments.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void WordPress_com_comments_are_two_threads_with_one_reply_each()
    {
        var comments = SamplePages.Review(SamplePages.WordPressCom).Comments;

        Assert.Equal(2, comments.Count(c => c.ParentId is null));
        var replies = comments.Where(c => c.ParentId is not null).ToArray();
        Assert.Equal(2, replies.Length);
        Assert.All(replies, r => Assert.Contains(comments, c => c.Id == r.ParentId && c.ParentId is null));
        Assert.All(replies, r => Assert.Equal("Melissa", r.Author));
    }

    [Fact]
    public void WordPress_replies_point_at_their_parents()
    {
        var comments = SamplePages.Review(SamplePages.WordPress).Comments;

        var reply = comments.Single(c => c.Id == "comment-4311");
        Assert.Equal("comment-4308", reply.ParentId);
        Assert.All(comments.Where(c => c.ParentId is not null), c => Assert.Contains(comments, p => p.Id == c.ParentId));
    }

    [Fact]
    public void The_long_story_short_rating_is_three_of_four()
    {
        var rating = SamplePages.Review(SamplePages.WordPressCom).Rating;

        Assert.NotNull(rating);
        Assert.Contains("3/4", rating.Raw, StringComparison.Ordinal);
        Assert.Equal((3.0, 4.0, 75.0), (rating.Value, rating.Scale, rating.Normalized));
    }

    [Theory]
    [InlineData(SamplePages.WordPress)]
    [InlineData(SamplePages.HubPages)]
    [InlineData(SamplePages.JumpBreakBlog)]
    public void Pages_without_a_rating_get_none(string page)
    {
        Assert.Null(SamplePages.Review(page).Rating);
    }

    [Fact]
    public void The_jump_break_warning_stays_visible_and_everything_after_it_is_major()
    {
        var blocks = SamplePages.Review(SamplePages.JumpBreakBlog).Blocks;

        var warning = blocks.Single(b => b.Text.Contains("there are spoilers after the break", StringComparison.Ordinal));
        Assert.Equal((SpoilerLevel.None, true), (warning.Spoiler.Level, warning.Spoiler.Warning));
        Assert.All(blocks.Take(warning.Index), b => Assert.Equal(SpoilerLevel.None, b.Spoiler.Level));
        var after = blocks.Skip(warning.Index + 1).ToArray();
        Assert.True(after.Length >= 5);
        // Everything after the break stays hidden: at the region's level, or at premise where the model was confident a
        // paragraph told nothing new but it repeats a word of what the hidden ones revealed ("cloning").
        Assert.All(after, b => Assert.NotEqual(SpoilerLevel.None, b.Spoiler.Level));
        Assert.True(after.Count(b => b.Spoiler.Level == SpoilerLevel.Major) >= after.Length - 1);
    }

    [Fact]
    public void The_premise_warning_makes_the_rest_of_the_wordpress_review_premise()
    {
        var blocks = SamplePages.Review(SamplePages.WordPress).Blocks;

        var warning = blocks.Single(b => b.Text.StartsWith("Potential spoiler alert", StringComparison.Ordinal));
        Assert.True(warning.Spoiler.Warning);
        Assert.Contains("premise", warning.Text, StringComparison.Ordinal);
        var after = blocks.Skip(warning.Index + 1).ToArray();
        Assert.NotEmpty(after);
        // Hidden at premise, except what the model is confident reveals nothing ("Carey Mulligan, as always, is magnificent").
        Assert.All(after.Where(b => b.Spoiler.Level != SpoilerLevel.None), b => Assert.Equal(SpoilerLevel.Premise, b.Spoiler.Level));
        Assert.True(after.Count(b => b.Spoiler.Level == SpoilerLevel.Premise) >= after.Length - 1);
        Assert.Contains(after, b => b.Text.Contains("bred for the sole purpose of organ donation", StringComparison.Ordinal) && b.Spoiler.Level == SpoilerLevel.Premise);
    }

    [Fact]
    public void The_hubpages_spoiler_alert_heading_is_a_warning()
    {
        var review = SamplePages.Review(SamplePages.HubPages);

        var heading = review.Blocks.Single(b => b.Text.EndsWith("Spoiler Alert!", StringComparison.Ordinal));
        Assert.Equal(BlockKind.Heading, heading.Kind);
        Assert.True(heading.Spoiler.Warning);
        // The author's own aside right after it is a warning too and stays readable; the analysis that names the clones
        // stays hidden at the region's level.
        var after = review.Blocks.Skip(heading.Index + 1).ToArray();
        Assert.True(after[0].Spoiler.Warning, after[0].Text);
        Assert.All(after.Where(b => b.Text.Contains("clones", StringComparison.Ordinal)), b => Assert.Equal(SpoilerLevel.Major, b.Spoiler.Level));
        Assert.True(after.Count(b => b.Spoiler.Level == SpoilerLevel.Major) >= after.Length / 2);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_tagged_block_says_why(string page)
    {
        var review = SamplePages.Review(page);

        var blocks = review.Blocks.Concat(review.Comments.SelectMany(c => c.Blocks));
        Assert.All(blocks.Where(b => b.Spoiler.Level > SpoilerLevel.None || b.Spoiler.Warning), b => Assert.NotEmpty(b.Spoiler.Reasons));
        Assert.All(blocks.Where(b => b.Spoiler.Level == SpoilerLevel.None && !b.Spoiler.Warning), b => Assert.Empty(b.Spoiler.Reasons));
    }

    [Theory]
    [InlineData(SamplePages.HubPages, "Meaning and Themes in the Movie \"Never Let Me Go\"", "Leah Whitford", "2011-03-08T17:42:00Z", "HubPages")]
    [InlineData(SamplePages.WordPress, "Never Let Me Go", "Stacey", "2011-01-10T14:15:00Z", "Mind Over Myth")]
    [InlineData(SamplePages.WordPressCom, "Never Let Me Go", "Melissa", "2013-07-22T13:00:47Z", "Long Story Short")]
    [InlineData(SamplePages.JumpBreakBlog, "Never Let Me Go: deeper thoughts on a heartbreaking story", "John C.", "2010-09-20T09:30:00-04:00", "Frame by Frame")]
    public void Metadata_comes_from_the_page(string page, string title, string author, string published, string site)
    {
        var review = SamplePages.Review(page);

        Assert.Equal((title, author, site, "Never Let Me Go"), (review.Title, review.Author, review.SiteName, review.Work.Title));
        Assert.Equal(DateTimeOffset.Parse(published, CultureInfo.InvariantCulture), review.PublishedAt);
        Assert.StartsWith("https://", review.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("#", review.Url, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_json_of_each_page_has_the_documented_shape(string page)
    {
        var json = JsonSerializer.SerializeToElement(SamplePages.Review(page), ReviewJson.Options);

        Assert.Equal(["url", "title", "titleLevel", "author", "publishedAt", "siteName", "language", "work", "rating", "extraction", "containsSpoilers", "blocks", "comments"], json.EnumerateObject().Select(p => p.Name));
        Assert.All(json.GetProperty("blocks").EnumerateArray(), b => Assert.Contains(b.GetProperty("kind").GetString(), new[] { "heading", "paragraph", "listItem", "quote" }));
    }
}
