namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// Words inside a sentence belong to it whatever their markup's class says: a class that marks boilerplate on a block
/// (a share bar, a pop-up) names a note or a link when it sits on a phrase in running text.
/// </summary>
public sealed class RunningTextTests
{
    [Fact]
    public void A_phrase_classed_like_boilerplate_inside_a_sentence_keeps_its_words()
    {
        // A study text's notes hang on the story's words; a newspaper tags a country's name with its topic page.
        var html = Pages.Article("""
            <p><a href="#" class="popup">I</a> am a <a href="#" class="popup">rather elderly</a> man, and the nature of my
            <a href="#" class="popup">avocations</a> for the last thirty years has brought me into contact with scriveners.</p>
            <p>The government plans to reverse its position on <a href="/topic/sudan" class="meta-classifier">Sudan</a> and lift
            the sanctions, officials said late on Thursday, after two years of talks with the country's leaders.</p>
            """ + Pages.ProseParagraphs() + """
            <div class="share"><a href="/s/1">Share</a> <a href="/s/2">Tweet</a></div>
            <p><span class="sharing">Share this review with a friend who has not seen the film yet</span></p>
            """);

        var text = Pages.Process(html).AllText();

        Assert.Contains("I am a rather elderly man, and the nature of my avocations for the last thirty years", text, StringComparison.Ordinal);
        Assert.Contains("reverse its position on Sudan and lift", text, StringComparison.Ordinal);
        // Standing alone (a block, or a phrase with no sentence around it), such markup is still the page's furniture.
        Assert.DoesNotContain("Tweet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this review", text, StringComparison.Ordinal);
    }
}
