using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>The show and hide controls around a spoiler are interface: their labels are not the reviewer's words.</summary>
public sealed class SpoilerControlLabelTests
{
    [Fact]
    public void A_hidden_spoiler_keeps_its_text_without_the_view_and_hide_labels()
    {
        const string html = """
            <html><head><title>Sam's review of Never Let Me Go</title></head><body>
            <div class="reviewText"><span class="readable">
            I loved this book so much. The writing is quiet and careful, and Kathy's voice is unforgettable.<br><br>
            <span class="spoiler"><a href="#" class="jsShowSpoiler spoilerAction">(view spoiler)</a><span class="spoilerContainer" style="display: none">[Tommy's scream in the field broke me. <a href="#" class="jsHideSpoiler spoilerAction">(hide spoiler)</a>]</span></span><br><br>
            Five stars, and I will read it again next year.
            </span></div></body></html>
            """;

        var review = ReviewPipeline.Process(html, new Uri("https://books.example/review/1"));

        var spoiler = Assert.Single(review.Blocks, b => b.Text.Contains("Tommy", StringComparison.Ordinal));
        Assert.Equal(SpoilerLevel.Major, spoiler.Spoiler.Level);
        Assert.DoesNotContain(review.Blocks, b => b.Text.Contains("spoiler)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_whose_words_mention_spoilers_is_text()
    {
        const string html = """
            <html><head><title>Sam's review</title></head><body><article>
            <p>I wrote more about it in <a href="/why-i-hate-spoilers">why I hide spoilers in my reviews</a>, if you want to know.</p>
            <p>The book itself is quiet and careful, and Kathy's voice is unforgettable from the first page.</p>
            </article></body></html>
            """;

        var review = ReviewPipeline.Process(html, new Uri("https://books.example/review/2"));

        Assert.Contains(review.Blocks, b => b.Text.Contains("why I hide spoilers in my reviews", StringComparison.Ordinal));
    }
}
