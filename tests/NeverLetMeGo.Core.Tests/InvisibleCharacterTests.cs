namespace NeverLetMeGo.Core.Tests;

/// <summary>Characters that render as nothing must not become part of a name or a word.</summary>
public sealed class InvisibleCharacterTests
{
    [Theory]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u200B')]
    public void A_direction_mark_or_zero_width_space_before_a_title_is_not_part_of_the_work(char mark)
    {
        var html = $$"""
            <html><head><title>{{mark}}Never Let Me Go (2010) review by Sam</title></head><body><article>
            <p>I watched it again last night and it is still the saddest film I know, and the most beautiful.</p>
            <p>Carey Mulligan has never been better, and the score is the best thing Rachel Portman has written.</p>
            </article></body></html>
            """;

        var review = ReviewPipeline.Process(html, new Uri("https://films.example/sam/never-let-me-go"));

        Assert.Equal("Never Let Me Go", review.Work.Title);
        Assert.Equal("Never Let Me Go (2010) review by Sam", review.Title);
    }
}
