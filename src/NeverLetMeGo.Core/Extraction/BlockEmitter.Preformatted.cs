using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Extraction;

internal sealed partial class BlockEmitter
{
    private int _preDepth;

    /// <summary>
    /// Text of a &lt;pre&gt; (a mailing list's message, a plain-text page): a blank line ends a paragraph, as it does for
    /// the eye, and lines that start with "&gt;" are the message being answered, a quote of their own without the marks
    /// ("On Monday Tom wrote:" before them stays the writer's). The lines of one paragraph are joined as a browser would
    /// wrap them.
    /// </summary>
    private void AppendPreformatted(ReadOnlySpan<char> raw, BlockKind kind, bool inLink, bool inSpoiler)
    {
        while (true)
        {
            var blank = BlankLine().Match(raw.ToString());
            var part = blank.Success ? raw[..blank.Index] : raw;
            if (kind == BlockKind.Paragraph && QuoteMark().IsMatch(part.ToString()))
                AppendQuoting(part.ToString(), inLink, inSpoiler);
            else
                AppendText(part, kind, inLink, inSpoiler);
            if (!blank.Success)
                return;
            Flush();
            raw = raw[(blank.Index + blank.Length)..];
        }
    }

    // Runs of quoted and unquoted lines, each its own block.
    private void AppendQuoting(string part, bool inLink, bool inSpoiler)
    {
        var lines = part.Split('\n');
        for (var i = 0; i < lines.Length;)
        {
            var quoted = QuoteMark().IsMatch(lines[i]);
            var end = i + 1;
            while (end < lines.Length && QuoteMark().IsMatch(lines[end]) == quoted)
                end++;
            var run = string.Join('\n', lines[i..end]);
            if (_buffer.Length > 0 && _bufferKind != (quoted ? BlockKind.Quote : BlockKind.Paragraph))
                Flush();
            AppendText(quoted ? QuoteMark().Replace(run, string.Empty) : run, quoted ? BlockKind.Quote : BlockKind.Paragraph, inLink, inSpoiler);
            i = end;
        }
    }

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"(?m)^[ \t]*(?:(?:>|&gt;)[ \t]?)+")]
    private static partial Regex QuoteMark();
}
