using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>A headline that tells the story is no name for the work: the work's name is shown where no safe title stands in.</summary>
public sealed class TellingHeadlineTests
{
    [Theory]
    [InlineData("Why Ruth dies at the end of Never Let Me Go", "Never Let Me Go")]
    [InlineData("Ruth dies in Never Let Me Go and I cried", "Never Let Me Go")]
    [InlineData("Everybody dies at the end of Atonement", "Atonement")]
    [InlineData("I cried when Tommy screamed in the field", null)]
    // A title-cased headline is a name, whatever its words, unless four words or more tell before its last "of".
    [InlineData("The Death of Stalin", "The Death of Stalin")]
    [InlineData("Kill Bill", "Kill Bill")]
    [InlineData("The Curious Case of Benjamin Button", "The Curious Case of Benjamin Button")]
    [InlineData("Once Upon a Time in Hollywood", "Once Upon a Time in Hollywood")]
    [InlineData("Why Ruth Dies at the End of Never Let Me Go", "Never Let Me Go")]
    public void The_work_is_the_plain_name_inside_a_telling_sentence(string headline, string? work)
    {
        Assert.Equal(work, WorkTitle.Safe(headline, headline, _ => true));
    }

    [Fact]
    public void A_name_inside_that_itself_tells_is_not_used()
    {
        Assert.Null(WorkTitle.Safe("Why Ruth dies at the end of Never Let Me Go", "Why Ruth dies at the end of Never Let Me Go", n => n != "Never Let Me Go"));
    }

    [Fact]
    public void A_work_named_apart_from_the_headline_is_kept()
    {
        Assert.Equal("Never Let Me Go", WorkTitle.Safe("Never Let Me Go", "Never Let Me Go review: why Ruth dies at the end", _ => false));
    }

    [Fact]
    public void A_page_titled_with_a_reveal_files_its_review_under_the_work_not_the_reveal()
    {
        const string html = """
            <html><head><title>Why Ruth dies at the end of Never Let Me Go</title></head><body><article>
            <h1>Why Ruth dies at the end of Never Let Me Go</h1>
            <p>I have thought about this film for a week now, and the ending still sits with me every morning.</p>
            <p>The performances are restrained and the score is lovely.</p>
            </article></body></html>
            """;

        var review = ReviewPipeline.Process(html, new Uri("https://films.example/ruth"));

        Assert.NotEqual(SpoilerLevel.None, review.TitleLevel);
        Assert.Equal("Never Let Me Go", review.Work.Title);
    }

    [Fact]
    public void A_page_that_names_no_work_is_a_work_of_its_own_not_the_film_called_Unknown()
    {
        const string telling = """
            <html><head><title>I cried when Tommy screamed in the field</title></head><body><article>
            <h1>I cried when Tommy screamed in the field</h1>
            <p>I have thought about this film for a week now, and the ending still sits with me every morning.</p>
            <p>Tommy learns the deferral rumour was never true and screams in the field until his voice gives out.</p>
            </article></body></html>
            """;
        const string film = """
            <html><head><title>Unknown review: Liam Neeson forgets himself</title></head><body><article>
            <h1>Unknown review: Liam Neeson forgets himself</h1>
            <p>The chases through Berlin are staged with real energy and the cast plays it straight.</p>
            </article></body></html>
            """;

        var unnamed = ReviewPipeline.Process(telling, new Uri("https://films.example/tommy"));
        var named = ReviewPipeline.Process(film, new Uri("https://films.example/unknown"));

        Assert.NotEqual(SpoilerLevel.None, unnamed.TitleLevel);
        Assert.False(unnamed.Work.Named);
        Assert.Equal(WorkRef.UnknownTitle, unnamed.Work.Title);
        Assert.True(named.Work.Named);
        Assert.Equal("Unknown", named.Work.Title);
    }
}
