using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// Forum-style spoiler markup written into the text: [spoiler]…[/spoiler] (which may span blocks), Reddit's &gt;!…!&lt; and
/// Discord's ||…|| (pasted into comments as it was typed). The markup is removed from the text and what it wrapped is
/// marked: the whole block when it wraps all of it, else those stretches only, so "Loved it. [spoiler]Ruth dies[/spoiler]
/// Great cast." keeps its opinions readable.
/// </summary>
internal static partial class InlineSpoilerMarkup
{
    // Stand-ins for where markup opened and closed, kept through whitespace normalisation, then taken out with their
    // positions: private-use characters, which no page text is expected to carry.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

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
            var content = block.Text;
            var hasMarkup = open || content.AsSpan().ContainsAny(Openers);
            if (!hasMarkup)
            {
                blocks.Add(block);
                continue;
            }

            var wasOpen = open;
            content = Tag().Replace(content, tag =>
            {
                open = !tag.Value.StartsWith("[/", StringComparison.Ordinal);
                return open ? " " + Open : Close + " ";
            });
            content = Reddit().Replace(content, m => Open + m.Groups["text"].Value + Close);
            content = Discord().Replace(content, m => Open + m.Groups["text"].Value + Close);
            // A [spoiler] open before this block runs into it; one still open at its end runs on into the next.
            content = (wasOpen ? Open.ToString() : "") + content + (open ? Close.ToString() : "");
            var (plain, parts) = TakeMarks(TextBuffer.Normalize(content));
            if (plain.Length == 0)
            {
                if (jumpBreak > blocks.Count)
                {
                    jumpBreak--;
                }

                continue;
            }

            // Marks the extraction found are positions in the text before the markup came out: kept whole, to be safe.
            blocks.Add(block.MarkedSpoiler || block.MarkedParts is not null && parts.Count > 0
                ? new SourceBlock(block.Kind, plain, MarkedSpoiler: true)
                : parts.Count > 0 ? SourceBlock.WithMarks(block.Kind, plain, parts) : block with { Text = plain });
        }

        return text with { Blocks = blocks, JumpBreak = jumpBreak };
    }

    /// <summary>The text without the stand-ins, and the stretches between an opening and its closing one.</summary>
    private static (string Text, List<TextSpan> Parts) TakeMarks(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var parts = new List<TextSpan>();
        var depth = 0;
        var start = 0;
        foreach (var c in marked)
        {
            if (c == Open)
            {
                if (depth++ == 0)
                    start = text.Length;
            }
            else if (c == Close)
            {
                if (depth > 0 && --depth == 0)
                    AddPart(parts, text, start);
            }
            else
            {
                text.Append(c);
            }
        }

        if (depth > 0)
            AddPart(parts, text, start);
        // A stand-in at either end can leave a space there once it is gone.
        var lead = 0;
        while (lead < text.Length && text[lead] == ' ')
            lead++;
        var plain = text.ToString().Trim();
        return (plain, parts.Select(p => new TextSpan(Math.Max(0, p.Start - lead), Math.Min(plain.Length, p.End - lead))).Where(p => p.End > p.Start).ToList());
    }

    // Spaces at the stretch's ends are not the spoiler; a stretch with no text is no mark.
    private static void AddPart(List<TextSpan> parts, StringBuilder text, int start)
    {
        var end = text.Length;
        while (start < end && text[start] == ' ')
            start++;
        while (end > start && text[end - 1] == ' ')
            end--;
        if (end > start)
            parts.Add(new TextSpan(start, end));
    }

    private static readonly SearchValues<string> Openers = SearchValues.Create(["[spoiler", "[/spoiler", ">!", "||"], StringComparison.OrdinalIgnoreCase);

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
