using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Tests;

public sealed class ClassHintsTests
{
    [Theory]
    [InlineData("comment-48213", "comment-0000")]
    [InlineData("c1234567", "c0000")]
    [InlineData("c123", "c000")]
    [InlineData("post-7 col-md-12", "post-0 col-md-00")]
    [InlineData("entry-content", "entry-content")]
    public void Digit_runs_fold_to_at_most_four_zeros(string name, string expected)
    {
        Span<char> buffer = stackalloc char[name.Length];

        Assert.Equal(expected, ClassHints.FoldDigits(name, buffer).ToString());
    }

    [Theory]
    [InlineData("comment-48213", "")]
    [InlineData("", "li-comment-9")]
    [InlineData("", "c20394857")]
    [InlineData("", "c123")]
    [InlineData("post-77 hentry", "")]
    [InlineData("ad1 sidebar-2", "")]
    [InlineData("ad", "")]
    public void Folding_digits_never_changes_a_verdict(string classes, string id)
    {
        // Names that differ only in their digits share one memo entry: each must get the answer the rules give it.
        var first = ClassHints.Classify(classes, id);
        var twin = ClassHints.Classify(Renumber(classes), Renumber(id));

        Assert.Equal(first, twin);
    }

    [Fact]
    public void Comment_ids_still_read_as_comments_and_short_numbers_are_not_blogger_ids()
    {
        Assert.True(ClassHints.Classify("", "comment-48213").Has(ClassSignal.CommentItemId));
        Assert.True(ClassHints.Classify("", "c20394857").Has(ClassSignal.BloggerCommentId));
        Assert.False(ClassHints.Classify("", "c12").Has(ClassSignal.BloggerCommentId));
    }

    [Theory]
    [InlineData("comment-48213", true)]
    [InlineData("div-comment-48213", true)]
    [InlineData("dsq-comment-57874", true)]
    [InlineData("comment-5023c5aeeab8eaf833000003", true)]
    [InlineData("comment-form", false)]
    [InlineData("comment-face", false)]
    [InlineData("comments", false)]
    [InlineData("recent-comment-widget-2", false)]
    public void Comment_item_ids_are_read_across_platforms(string id, bool item)
    {
        Assert.Equal(item, ClassHints.Classify("", id).Has(ClassSignal.CommentItemId));
    }

    [Theory]
    [InlineData("sharing-with-a-single-developer")]
    [InlineData("evolve-shared-mutable-history")]
    [InlineData("related_work_and_further_reading")]
    public void A_section_id_made_of_its_headings_words_is_no_boilerplate(string id)
    {
        var verdict = ClassHints.Classify("", id);

        Assert.False(verdict.Has(ClassSignal.Boilerplate));
        Assert.Equal(0, verdict.Weight);
    }

    [Theory]
    [InlineData("sharing")]
    [InlineData("related-posts")]
    [InlineData("share-this-post")]
    public void Short_role_names_in_ids_still_mark_boilerplate(string id)
    {
        Assert.True(ClassHints.Classify("", id).Has(ClassSignal.Boilerplate));
    }

    private static string Renumber(string text) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('0' + ((c - '0' + 3) % 10)) : c));

    [Theory]
    [InlineData("content__byline", "byline", true)]
    [InlineData("ArticleHeader__byline", "byline", true)]
    [InlineData("c-article__dateline--large", "date", true)]
    [InlineData("content__byline-count", "byline", false)]
    [InlineData("most-popular-list-item__headline", "headline", false)]
    [InlineData("teaser__author", "byline", false)]
    public void A_BEM_element_names_the_article_s_byline_and_date_only(string classes, string role, bool expected)
    {
        var signal = role switch { "byline" => ClassSignal.Byline, "date" => ClassSignal.DateLike, _ => ClassSignal.Headline };
        Assert.Equal(expected, ClassHints.Classify(classes, "").Has(signal));
    }
}
