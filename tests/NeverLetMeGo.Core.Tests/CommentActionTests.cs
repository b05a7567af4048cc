namespace NeverLetMeGo.Core.Tests;

/// <summary>
/// A comment plugin's action line printed as a paragraph of its own ("[Reply]" linked, "Please rate this comment: 3 0")
/// is the comment's widget, not its words; a commenter's own "Report:" line stays. Before, Dragnet's comments held 459
/// "[Reply]" lines over five pages.
/// </summary>
public sealed class CommentActionTests
{
    [Fact]
    public void A_comments_action_and_rating_lines_are_no_text_and_its_own_words_stay()
    {
        var review = Pages.Process(Pages.Article(Pages.ProseParagraphs(), around: """
            <ol class="commentlist">
              <li class="comment" id="comment-36452"><div class="comment-entry"><p>Staples are not as bad as they sound, and neither is the film's ending.</p>
                <p class="thdrpy">[<a href="javascript:void(0)" onclick="reply(36452)">Reply</a>]</p>
                <div class="CommentRating">Please rate this comment: <img src="/up.png" alt=""> 3 <img src="/down.png" alt=""> 0</div></div></li>
              <li class="comment" id="comment-36453"><div class="comment-entry"><p>Report:</p><p>the second half drags, the first is perfect.</p></div></li>
            </ol>
            """));

        Assert.Equal(
            [["Staples are not as bad as they sound, and neither is the film's ending."], ["Report:", "the second half drags, the first is perfect."]],
            review.Comments.Select(c => c.Blocks.Select(b => b.Text).ToArray()).ToArray());
    }
}
