using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// Removes what sits at the top of an article but is metadata, not text: the post title repeated as a heading, and a
/// byline such as "By John C." (returned, for pages whose markup names no author).
/// </summary>
internal static partial class ArticleTop
{
    private const int Window = 3;

    public static ExtractedText Tidy(ExtractedText text, string? title, out string? bylineAuthor) => Tidy(text, title, out bylineAuthor, out _);

    /// <summary>As <see cref="Tidy(ExtractedText, string?, out string?)"/>, with the date the removed byline gives ("Reviewed by X on 12 March 2021").</summary>
    public static ExtractedText Tidy(ExtractedText text, string? title, out string? bylineAuthor, out DateTimeOffset? bylineDate)
    {
        bylineAuthor = null;
        bylineDate = null;
        var blocks = text.Blocks.ToList();
        var jumpBreak = text.JumpBreak;
        var key = title is null ? null : Key(title);
        for (var i = 0; i < Math.Min(Window, blocks.Count); i++)
        {
            var block = blocks[i];
            var remove = false;
            if (key is { Length: > 0 } && Key(block.Text) == key && block.Text.Length <= 300)
            {
                remove = true;
            }
            else if (block.Text.Length <= 60 && Byline().IsMatch(block.Text) && MetadataResolver.NameFromByline(block.Text) is { } name)
            {
                bylineDate ??= bylineAuthor is null ? DateParser.Parse(block.Text) : null;
                bylineAuthor ??= name;
                remove = true;
            }

            if (remove)
            {
                blocks.RemoveAt(i);
                if (jumpBreak > i)
                {
                    jumpBreak--;
                }

                i--;
            }
        }

        if (blocks.Count == 0)
        {
            // A post that is only its title (an image post, a video) still has that title as its text.
            bylineAuthor = null;
            bylineDate = null;
            return text;
        }

        return blocks.Count == text.Blocks.Count ? text : new ExtractedText(blocks, jumpBreak);
    }

    // Case, quotes, punctuation and spacing differ between <title>, og:title and the visible heading.
    private static string Key(string text) => NonWord().Replace(text.ToLowerInvariant(), string.Empty);

    // A capitalised name, or a user name that a digit or underscore sets apart from prose ("by moviebuff_77").
    [GeneratedRegex(@"^\s*(?:posted\s+|written\s+|reviewed\s+|words\s+)?by\s+(?:(?-i:\p{Lu})|@?\p{L}[\w.\-]*[\d_])", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"[\W_]+")]
    private static partial Regex NonWord();
}
