using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Comments;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Tests;

/// <summary>The one walk that serves the metadata scan and the comment finder finds what a walk of each alone finds.</summary>
public sealed class PageWalkTests
{
    public static TheoryData<string> Samples() => new(SamplePages.All);

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_shared_walk_finds_the_comments_a_walk_of_their_own_finds(string sample)
    {
        var html = SamplePages.Read(sample);

        var document = HtmlLoader.Load(html);
        var hints = new ClassHintCache();
        var body = ArticleExtractor.FindBody(document);
        var shared = new CommentExtractor(hints);
        PageWalk.Run(document, hints, shared, body);
        var together = shared.Finish();

        var alone = new CommentExtractor(new ClassHintCache()).Extract(ArticleExtractor.FindBody(HtmlLoader.Load(html)));

        Assert.Equal(Describe(alone), Describe(together));
    }

    [Fact]
    public void The_samples_hold_comment_threads_for_the_comparison_to_see()
    {
        var found = SamplePages.All.Sum(sample =>
        {
            var document = HtmlLoader.Load(SamplePages.Read(sample));
            var hints = new ClassHintCache();
            var comments = new CommentExtractor(hints);
            PageWalk.Run(document, hints, comments, ArticleExtractor.FindBody(document));
            return comments.Finish().Count;
        });

        Assert.True(found >= 2, $"{found} comments in the samples");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_shared_walk_reads_the_metadata_a_walk_of_its_own_reads(string sample)
    {
        var html = SamplePages.Read(sample);

        var document = HtmlLoader.Load(html);
        var hints = new ClassHintCache();
        var together = PageWalk.Run(document, hints, new CommentExtractor(hints), ArticleExtractor.FindBody(document));
        var alone = PageScanner.Scan(HtmlLoader.Load(html), new ClassHintCache());

        Assert.Equal(alone.DocumentTitle, together.DocumentTitle);
        Assert.Equal(alone.Meta.OrderBy(m => m.Key, StringComparer.Ordinal), together.Meta.OrderBy(m => m.Key, StringComparer.Ordinal));
        Assert.Equal(alone.JsonLd, together.JsonLd);
        Assert.Equal(Positions(alone.Headlines), Positions(together.Headlines));
        Assert.Equal(Positions(alone.Bylines), Positions(together.Bylines));
        Assert.Equal(Positions(alone.Dates), Positions(together.Dates));
    }

    [Fact]
    public void Comments_are_found_under_a_body_the_metadata_scan_never_enters()
    {
        // A stray <body> inside <noscript>: the walk reads metadata around noscript, not inside it, so the comment finder
        // walks that body on its own.
        var thread = """
            <ol class="commentlist">
              <li class="comment" id="comment-7"><div class="comment-author"><cite class="fn">Ann</cite></div>
                <div class="comment-content"><p>A comment that must leave the article.</p></div></li>
            </ol>
            """;
        var html = $"<html><head><title>A review</title></head><noscript><body>{Pages.ProseParagraphs()}{thread}</body></noscript></html>";
        Assert.Equal("noscript", ArticleExtractor.FindBody(HtmlLoader.Load(html)).ParentNode?.Name);

        var review = ReviewPipeline.Extract(html, Pages.Url).WithoutTagging();

        var comment = Assert.Single(review.Comments);
        Assert.Equal(("comment-7", "Ann"), (comment.Id, comment.Author));
        Assert.Equal(["A comment that must leave the article."], comment.Blocks.Select(b => b.Text));
        Assert.DoesNotContain("A comment that must leave", string.Join("\n", review.Texts()), StringComparison.Ordinal);
        Assert.Equal(Pages.Prose.Length, review.Blocks.Count);
    }

    private static string[] Describe(IReadOnlyList<RawComment> comments) =>
        comments.Select(c => $"{c.Id}|{c.ParentId}|{c.Author}|{c.PublishedAt:O}|{string.Join("\n", c.Text.Blocks.Select(b => b.Text))}").ToArray();

    private static int[] Positions(List<HtmlNode> nodes) => nodes.Select(n => n.StreamPosition).ToArray();
}
