using System.Buffers;
using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Extraction;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Forum-style spoiler markup written into the text: [spoiler]…[/spoiler] (which may span blocks), Reddit's &gt;!…!&lt; and
/// Discord's ||…|| (pasted into comments as it was typed).
/// Blocks that contain it are marked as spoilers and the tags are removed from their text.
/// </summary>
internal static partial class InlineSpoilerMarkup
{
    public static ExtractedText Apply(ExtractedText text)
    {
        if (!HasMarkup(text.Blocks))
        {
            return text;
        }

        var blocks = new List<SourceBlock>(text.Blocks.Count);
        var open = false;
        int? jumpBreak = text.JumpBreak;
        for (var i = 0; i < text.Blocks.Count; i++)
        {
            var block = text.Blocks[i];
            var marked = block.MarkedSpoiler || open;
            var content = block.Text;
            if (Tag().IsMatch(content))
            {
                // Any block touched by an open tag, a close tag or text between them is part of the spoiler.
                marked = true;
                foreach (Match tag in Tag().Matches(content))
                {
                    open = !tag.Value.StartsWith("[/", StringComparison.Ordinal);
                }

                content = Tag().Replace(content, " ");
            }

            if (Reddit().IsMatch(content))
            {
                marked = true;
                content = Reddit().Replace(content, m => m.Groups["text"].Value);
            }

            if (Discord().IsMatch(content))
            {
                marked = true;
                content = Discord().Replace(content, m => m.Groups["text"].Value);
            }

            content = TextBuffer.Normalize(content);
            if (content.Length == 0)
            {
                if (jumpBreak > blocks.Count)
                {
                    jumpBreak--;
                }

                continue;
            }

            blocks.Add(block with { Text = content, MarkedSpoiler = marked });
        }

        return new ExtractedText(blocks, jumpBreak);
    }

    private static readonly SearchValues<string> Openers = SearchValues.Create(["[spoiler", ">!", "||"], StringComparison.OrdinalIgnoreCase);

    private static bool HasMarkup(IReadOnlyList<SourceBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Text.AsSpan().ContainsAny(Openers))
                return true;
        }

        return false;
    }

    [GeneratedRegex(@"\[/?spoiler(?:=[^\]]{0,80})?\]", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@">!(?<text>.+?)!<")]
    private static partial Regex Reddit();

    // The bars touch the hidden words on both sides, so "a || b" (code, a logical or) is not markup.
    [GeneratedRegex(@"\|\|(?<text>[^\s|](?:[^|]*[^\s|])?)\|\|")]
    private static partial Regex Discord();
}
