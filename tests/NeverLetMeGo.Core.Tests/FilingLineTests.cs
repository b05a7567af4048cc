using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>Where a post is filed (categories, tags), printed above or below its text, is not its text.</summary>
public sealed class FilingLineTests
{
    [Theory]
    [InlineData("Posted in: Fantasy |", true)]
    [InlineData("Filed under Architecture, Preserving Modern Architecture | 1 Comment", true)]
    [InlineData("Filed in: iPhone", true)]
    [InlineData("Tags: NFL AM, Jacksonville Jaguars, Paul Posluszny", true)]
    [InlineData("Related Topics: Education", true)]
    [InlineData("Published: November 7th, 2012 | Tags: NFL AM, Jacksonville Jaguars", true)]
    [InlineData("NFL.com Staff | Tags: Three and out, Brandon Myers", true)]
    [InlineData("Categories: Reviews, Drama", true)]
    [InlineData("Filed under 'too long', this sequel never ends. Nobody asked for a third hour.", false)]
    [InlineData("Posted in 2010 and still the best review of the film I have read.", false)]
    [InlineData("Tagged as a thriller, the film is really a quiet love story about three friends.", false)]
    [InlineData("The tags on the students' clothes are the first hint. Watch for them.", false)]
    public void A_category_or_tag_line_is_filing_but_a_sentence_that_starts_alike_is_text(string text, bool filing)
    {
        Assert.Equal(filing, ArticleTop.IsFilingLine(new SourceBlock(BlockKind.Paragraph, text)));
    }

    [Fact]
    public void Filing_lines_above_and_below_the_post_leave_its_text()
    {
        const string page = """
            <html><head><title>Three and out: Week 10 starts</title></head><body>
            <div class="post">
            <h1>Three and out: Week 10 starts</h1>
            <p>Published: November 7th, 2012 | Tags: <a href="/t/1">Jaguars</a>, <a href="/t/2">Paul Posluszny</a></p>
            <p>The Jaguars have lost six straight games, and their linebacker says the locker room has stopped believing in the plan.</p>
            <p>Their schedule does not get easier: three of the next four games are on the road against division leaders.</p>
            <p>Posted in: <a href="/c/fantasy">Fantasy</a> |</p>
            </div></body></html>
            """;

        var review = ReviewPipeline.Process(page, new Uri("https://blogs.example.com/three-and-out"));

        Assert.Collection(
            review.Blocks,
            b => Assert.StartsWith("The Jaguars have lost", b.Text, StringComparison.Ordinal),
            b => Assert.StartsWith("Their schedule does", b.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Posted by laurie at September 10, 2012 9:01 AM", true)]
    [InlineData("Posted by Dharmesh Shah on Tue, Oct 30, 2012", true)]
    [InlineData("Posted by Pukie at November 11, 2012 5:00 PM", true)]
    [InlineData("Posted by Dan Friedman, AdWords Product Manager", false)]
    [InlineData("Posted by a friend on a forum in 2012, this theory explains the ending. I think it is wrong.", false)]
    public void The_posted_by_line_under_a_post_is_metadata_but_a_signature_stays(string text, bool metadata)
    {
        Assert.Equal(metadata, ArticleTop.IsPostedByLine(new SourceBlock(BlockKind.Paragraph, text)));
    }

    [Fact]
    public void The_posted_by_line_where_the_post_ends_is_left_out()
    {
        const string page = """
            <html><head><title>Paper airplanes</title></head><body>
            <div class="entry">
            <p>We folded forty paper airplanes this weekend and flew them from the top of the stairs, one after another.</p>
            <p>The heavy ones flew furthest. The light ones turned in the draft from the window and landed in the kitchen.</p>
            <p class="posted">Posted by laurie at September 10, 2012 9:01 AM</p>
            </div></body></html>
            """;

        var review = ReviewPipeline.Process(page, new Uri("https://laurie.example.com/2012/09/airplanes.html"));

        Assert.StartsWith("The heavy ones", review.Blocks[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, review.Blocks.Count);
    }
}
