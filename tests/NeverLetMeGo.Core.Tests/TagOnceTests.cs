using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// The scraper extracts a page, looks up its work's knowledge and tags once; before, it tagged without knowledge and then
/// re-tagged with it (SpoilerRetagger, as `nlmg retag` does). Both must give every block the same verdict.
/// </summary>
public sealed class TagOnceTests
{
    private static readonly Lazy<WorkKnowledge> Knowledge = new(() =>
    {
        var stored = SamplePages.All.Select(SamplePages.Review).ToArray();
        var texts = stored.SelectMany(r => r.Blocks.Concat(r.Comments.SelectMany(c => c.Blocks)).Select(b => b.Text));
        return WorkKnowledge.From(texts, [new SpoilerTerm("Hailsham", SpoilerLevel.Premise), new SpoilerTerm("Madame", SpoilerLevel.Major), new SpoilerTerm("donations", SpoilerLevel.Major)]);
    });

    public static TheoryData<string> Pages => new(SamplePages.All);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Tagging_once_with_the_work_knowledge_matches_tagging_then_retagging(string page)
    {
        var html = SamplePages.Read(page);
        var url = SamplePages.FileUrl(page);

        var once = ReviewPipeline.Tag(ReviewPipeline.Extract(html, url), Knowledge.Value);
        var twice = SpoilerRetagger.Retag(ReviewPipeline.Process(html, url), Knowledge.Value);

        AssertSameTags(twice.Blocks, once.Blocks);
        Assert.Equal(twice.Comments.Count, once.Comments.Count);
        for (var i = 0; i < once.Comments.Count; i++)
            AssertSameTags(twice.Comments[i].Blocks, once.Comments[i].Blocks);
    }

    [Fact]
    public void The_knowledge_changes_verdicts_on_the_sample_pages()
    {
        // Otherwise the comparison above would be between two knowledge-free taggings.
        var changed = SamplePages.All.Count(page =>
        {
            var extracted = ReviewPipeline.Extract(SamplePages.Read(page), SamplePages.FileUrl(page));
            return Verdicts(ReviewPipeline.Tag(extracted, null).Blocks) != Verdicts(ReviewPipeline.Tag(extracted, Knowledge.Value).Blocks);
        });

        Assert.True(changed >= 2, $"the knowledge changed the verdicts on {changed} pages");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Extracting_then_tagging_without_knowledge_is_processing(string page)
    {
        var html = SamplePages.Read(page);
        var url = SamplePages.FileUrl(page);

        var split = ReviewPipeline.Tag(ReviewPipeline.Extract(html, url), knowledge: null);
        var whole = ReviewPipeline.Process(html, url);

        Assert.Equal(whole with { Blocks = [], Comments = [] }, split with { Blocks = [], Comments = [] });
        AssertSameTags(whole.Blocks, split.Blocks);
        Assert.Equal(whole.Comments.Select(c => (c.Id, c.ParentId, c.Author, c.PublishedAt)), split.Comments.Select(c => (c.Id, c.ParentId, c.Author, c.PublishedAt)));
    }

    [Fact]
    public void An_extracted_page_names_its_work_and_canonical_url_before_tagging()
    {
        var page = ReviewPipeline.Extract(SamplePages.Read(SamplePages.WordPressCom), SamplePages.FileUrl(SamplePages.WordPressCom));

        Assert.Equal(SamplePages.Review(SamplePages.WordPressCom).Work, page.Work);
        Assert.Equal(SamplePages.Review(SamplePages.WordPressCom).Url, page.Url);
    }

    private static string Verdicts(IEnumerable<Block> blocks) =>
        string.Join("\n", blocks.Select(b => $"{b.Spoiler.Level} {string.Join("; ", b.Spoiler.Reasons)} {string.Join(",", b.Sentences.Select(s => s.Level))}"));

    private static void AssertSameTags(IReadOnlyList<Block> expected, IReadOnlyList<Block> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Index, e.Kind, e.Text), (a.Index, a.Kind, a.Text));
            Assert.Equal((e.Spoiler.Level, e.Spoiler.Warning, e.Spoiler.Score), (a.Spoiler.Level, a.Spoiler.Warning, a.Spoiler.Score));
            Assert.Equal(e.Spoiler.Reasons, a.Spoiler.Reasons);
            Assert.Equal(e.Sentences, a.Sentences);
        }
    }
}
