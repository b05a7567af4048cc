using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Tests;

public sealed class CamelCaseClassTests
{
    private const string Page = """
        <html><head><title>Arrival review</title></head><body>
        <div class="pageWrapper"><article class="reviewArticle">
          <h1 class="reviewTitle">Arrival review</h1>
          <div class="reviewMeta"><span class="authorName">Maya Okafor</span> <span class="reviewDate">March 14, 2022</span>
            <span class="staticStars" aria-label="4 out of 5 stars">4/5</span></div>
          <div class="ArticleBody">
            <p>Denis Villeneuve turns a story about language into one of the quietest and most moving films of its decade.</p>
            <p>Amy Adams plays a linguist asked to talk with visitors whose written words are rings of ink hanging in the air.</p>
            <p>The score and the long grey shots make the film feel patient, and the patience is rewarded in its final act.</p>
            <p>It is a film to watch twice: the second time, every scene with the daughter reads in a different light.</p>
          </div>
        </article>
        <div class="commentList">
          <div class="commentItem"><span class="commentAuthor">Ravi</span><div class="commentText"><p>The second viewing really is a different film.</p></div></div>
          <div class="commentItem"><span class="commentAuthor">Ines</span><div class="commentText"><p>The sound design deserved more praise here.</p></div></div>
        </div></div></body></html>
        """;

    [Fact]
    public void A_page_named_in_camel_case_gives_its_author_date_rating_and_comments()
    {
        var review = ReviewPipeline.Process(Page, new Uri("https://example.com/r"));

        Assert.Equal("Maya Okafor", review.Author);
        Assert.Equal(new DateTimeOffset(2022, 3, 14, 0, 0, 0, TimeSpan.Zero), review.PublishedAt);
        Assert.Equal(4.0, review.Rating?.Value);
        Assert.Equal(5.0, review.Rating?.Scale);
        Assert.Equal(["Ravi", "Ines"], review.Comments.Select(c => c.Author));
        Assert.Equal("The sound design deserved more praise here.", Assert.Single(review.Comments[1].Blocks).Text);
        Assert.DoesNotContain("second viewing", string.Join("\n", review.Texts()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staticStars", nameof(ClassSignal.RatingLike))]
    [InlineData("commentList", nameof(ClassSignal.CommentArea))]
    [InlineData("authorName", nameof(ClassSignal.Byline))]
    [InlineData("reviewDate", nameof(ClassSignal.DateLike))]
    [InlineData("entryDate", nameof(ClassSignal.DateLike))]
    [InlineData("ReviewBody_text__3kx9Q", nameof(ClassSignal.ContentHint))]
    [InlineData("commentBody", nameof(ClassSignal.CommentBody))]
    public void Camel_case_words_get_the_roles_their_words_name(string classes, string signal)
    {
        Assert.True(ClassHints.Classify(classes, "").Has(Enum.Parse<ClassSignal>(signal)));
    }

    [Theory]
    [InlineData("hJpRRP")]
    [InlineData("liWXlp")]
    [InlineData("nmWidgetList")]
    [InlineData("Tsh(discussionTextShadow)")]
    [InlineData("Header_nav__3kxQd")]
    public void Generated_names_short_prefixes_and_atomic_css_are_not_cut(string name)
    {
        Assert.Equal(name, ClassHints.SplitCamelCase(name));
    }

    [Theory]
    [InlineData("ShowNavrail", nameof(ClassSignal.SidebarLike))]
    [InlineData("EmailOptin", nameof(ClassSignal.Boilerplate))]
    [InlineData("videoMeta", nameof(ClassSignal.Boilerplate))]
    [InlineData("Tsh(discussionTextShadow)", nameof(ClassSignal.CommentRelated))]
    public void Camel_case_words_never_make_a_page_switch_a_role_nor_a_name_boilerplate(string classes, string signal)
    {
        Assert.False(ClassHints.Classify(classes, "").Has(Enum.Parse<ClassSignal>(signal)));
    }
}
