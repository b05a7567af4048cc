using NeverLetMeGo.Core.Extraction.Comments;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A thread printed as a definition list of bare terms and definitions (Movable Type and old WordPress themes): each
/// term is a comment's byline, its definitions the comment. Before, the thread gave no comment at all.
/// </summary>
public sealed class DefinitionListCommentTests
{
    private const string Thread = """
        <div id="comments"><h2>Comments</h2>
        <dl>
          <dt><a href="#4912841">1.</a> William Kirk - August 8, 2012</dt>
          <dd><p>Shatner rules, and the film holds up better than I remembered.</p></dd>
          <dt><a href="#4912844">2.</a> MJ - August 9, 2012</dt>
          <dd><p>Congrats on a review that says what the ending does without giving it away.</p><p>I will watch it again this weekend.</p></dd>
        </dl>
        </div>
        """;

    [Fact]
    public void Each_term_and_its_definitions_are_one_comment_with_the_bylines_name_and_date()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: Thread));

        Assert.Equal(Pages.Prose, review.Texts());
        Assert.Equal(
            [("William Kirk", new DateTimeOffset(2012, 8, 8, 0, 0, 0, TimeSpan.Zero), 1), ("MJ", new DateTimeOffset(2012, 8, 9, 0, 0, 0, TimeSpan.Zero), 2)],
            review.Comments.Select(c => (c.Author!, c.PublishedAt!.Value, c.Blocks.Count)).ToArray());
        Assert.StartsWith("Congrats on a review", review.Comments[1].Blocks[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1. William Kirk - August 8, 2012", "William Kirk", "2012-08-08")]
    [InlineData("by dress11 July 25, 2012 2:14 AM EDT", "dress11", "2012-07-25")]
    [InlineData("Jane Doe | 3 March 2011", "Jane Doe", "2011-03-03")]
    [InlineData("Mary Ann Evans", "Mary Ann Evans", null)]
    [InlineData("", null, null)]
    public void A_one_line_byline_gives_the_name_and_the_date_when_the_rest_is_one(string byline, string? name, string? date)
    {
        var (author, published) = CommentMarkup.SplitByline(byline);

        Assert.Equal(name, author);
        Assert.Equal(date, published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
