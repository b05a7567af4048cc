using System.Text.RegularExpressions;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Text;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// Walks chosen containers in document order and cuts their text into blocks at block-level boundaries and at
/// &lt;br&gt;&lt;br&gt;. Inline elements join the running paragraph; images contribute nothing (alt text is not prose) but a
/// spoiler warning drawn as one.
/// </summary>
internal sealed partial class BlockEmitter(ClassHintCache hints, IReadOnlyDictionary<HtmlNode, NodeStats>? stats = null)
{
    private readonly List<SourceBlock> _blocks = [];
    private readonly List<bool> _allLink = [];
    private readonly TextBuffer _buffer = new();
    private BlockKind _bufferKind = BlockKind.Paragraph;

    // Where the running paragraph's text came from inside spoiler markup, as positions in the buffer: the buffer is the
    // block's final text (whitespace already collapsed, never a leading or trailing space), so they need no mapping.
    private readonly List<TextSpan> _marks = [];
    private int _breaks;
    private int? _jumpBreak;

    /// <summary>Elements to leave out on top of the usual rules (e.g. nested replies inside a comment).</summary>
    public Func<HtmlNode, bool>? Skip { get; init; }

    /// <summary>Inside a comment, classes that mention comments are the comment's own markup, not clutter.</summary>
    public bool CommentMode { get; init; }

    /// <summary>Keeps everything that renders: the last resort of the fallback, when every block looked like clutter.</summary>
    public bool KeepClutter { get; init; }

    /// <summary>The blocks of <paramref name="roots"/>; each call starts afresh, so one emitter serves many comments in turn.</summary>
    public ExtractedText Emit(IEnumerable<HtmlNode> roots)
    {
        _blocks.Clear();
        _allLink.Clear();
        _buffer.Take();
        _marks.Clear();
        _jumpBreak = null;
        foreach (var root in roots)
        {
            var verdict = NodeTraits.Verdict(root, hints);
            Flush();
            // A comment item is often an <li>; its text is still paragraphs.
            var kind = CommentMode ? BlockKind.Paragraph : KindOf(root.Name, BlockKind.Paragraph);
            Walk(root, kind, root.Name == "a", NodeTraits.IsSpoilerMarkup(root, verdict), 0);
            Flush();
        }

        if (!CommentMode && !KeepClutter)
        {
            DropLinkRuns();
            DropHeadedLinkLists();
        }

        return new ExtractedText(_blocks.ToArray(), _jumpBreak);
    }

    /// <summary>
    /// Three or more paragraphs in a row that are nothing but a link are a list of links written line by line (a blog's
    /// "more posts" after the text, separated by line breaks rather than list markup): navigation, like a link list.
    /// </summary>
    private void DropLinkRuns()
    {
        for (var i = 0; i < _blocks.Count;)
        {
            var end = i;
            while (end < _blocks.Count && _allLink[end] && _blocks[end].Kind == BlockKind.Paragraph)
            {
                end++;
            }

            if (end - i < MinLinkRun)
            {
                i = Math.Max(end, i + 1);
                continue;
            }

            RemoveBlocks(i, end - i);
        }
    }

    private const int MinLinkRun = 3;

    /// <summary>
    /// A line that names a list of other pages ("Related posts:", "You may also like", "People who read this article also
    /// read") followed by lines that are nothing but links: the site's list, however short. The length rule of link lists
    /// keeps one or two links in the text as the author's ("Further reading: X, Y"); this label says whose they are. A
    /// label left last, its list already gone as clutter, goes too.
    /// </summary>
    private void DropHeadedLinkLists()
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            if ((i + 1 < _blocks.Count && !_allLink[i + 1]) || _blocks[i].Text.Length > 60 || !LinkListLabel().IsMatch(_blocks[i].Text))
            {
                continue;
            }

            var end = i + 1;
            while (end < _blocks.Count && _allLink[end])
            {
                end++;
            }

            RemoveBlocks(i, end - i);
            i--;
        }
    }

    private const int MaxActionLine = 60;

    // The action is a link or a button; a commenter's own "Report:" heading is no action.
    [GeneratedRegex(@"^\W*(?:reply|report(?:\s+(?:abuse|comment|this))?|quote|permalink|flag)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentAction();

    [GeneratedRegex(@"^(?:please\s+)?rate\s+this(?:\s+comment)?\s*:?[\s\d+\-]*$", RegexOptions.IgnoreCase)]
    private static partial Regex RateThis();

    [GeneratedRegex(@"^(?:related(?:\s+(?:posts?|articles?|stories|reading|links|content|coverage|reviews?|entries))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|read\s+next|recommended(?:\s+(?:for\s+you|reading|posts|articles|stories))?|more\s+(?:stories|articles|posts|reviews|news)(?:\s+(?:from|on|about|in)\s+.{1,40})?|also\s+(?:read|on\s+.{1,30})|people\s+who\s+read\s+this(?:\s+(?:article|post|story))?\s+also\s+read|posted\s+on\s+this\s+day.{0,20}|popular\s+(?:posts|articles|stories))\s*[:.\u2026]?$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkListLabel();

    private void RemoveBlocks(int at, int count)
    {
        _blocks.RemoveRange(at, count);
        _allLink.RemoveRange(at, count);
        if (_jumpBreak > at)
        {
            _jumpBreak = Math.Max(at, _jumpBreak.Value - count);
        }
    }

    private void Walk(HtmlNode node, BlockKind kind, bool inLink, bool inSpoiler, int depth, bool labelOnly = false)
    {
        if (depth > HtmlLoader.MaxDepth)
        {
            throw new ExtractionException($"nesting deeper than {HtmlLoader.MaxDepth} levels");
        }

        var spoilerDetails = inSpoiler && node.Name == "details";
        var children = node.ChildNodes;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    if (!labelOnly && _preDepth > 0)
                    {
                        AppendPreformatted(HtmlText.Raw((HtmlTextNode)child), kind, inLink, inSpoiler);
                    }
                    else if (!labelOnly)
                    {
                        AppendText(HtmlText.Raw((HtmlTextNode)child), kind, inLink, inSpoiler);
                    }

                    break;
                case HtmlNodeType.Comment:
                    if (NodeTraits.IsJumpBreakComment(child))
                    {
                        MarkJumpBreak();
                    }

                    break;
                case HtmlNodeType.Element:
                    if (!(spoilerDetails && child.Name == "summary"))
                    {
                        VisitElement(child, kind, inLink, inSpoiler, depth);
                    }

                    break;
            }
        }
    }

    private void VisitElement(HtmlNode element, BlockKind kind, bool inLink, bool inSpoiler, int depth)
    {
        var name = element.Name;
        if (name == "br")
        {
            // One <br> is a line break inside a paragraph; two in a row end it (Blogger writes paragraphs that way).
            if (++_breaks >= 2)
            {
                Flush();
            }
            else
            {
                _buffer.AppendSpace();
            }

            return;
        }

        if (NodeTraits.IsJumpBreak(element))
        {
            MarkJumpBreak();
        }

        if (name == "img")
        {
            // A warning drawn as a picture (a "Spoiler alert" banner) is read as the words its alt text gives: the reader
            // sees it, and the text after it is what it warns about.
            if (element.Attributes["alt"]?.Value is { Length: > 0 and <= 80 } alt && Spoilers.WarningPatterns.MightWarn(alt)
                && Spoilers.WarningPatterns.Classify(alt) is not null)
            {
                AppendText(alt, kind, inLink, inSpoiler);
            }

            return;
        }

        if (Skip?.Invoke(element) == true || NodeTraits.IsSpoilerControlLabel(element))
        {
            return;
        }

        var dropped = HtmlNames.Dropped.Contains(name);
        var verdict = dropped && name != "button" ? default : NodeTraits.Verdict(element, hints);
        if (dropped && !NodeTraits.IsKeptControl(element, verdict))
        {
            return;
        }

        var spoiler = NodeTraits.IsSpoilerMarkup(element, verdict);
        if ((!inSpoiler && !spoiler && NodeTraits.IsHidden(verdict)) || IsClutter(element, name, verdict))
        {
            return;
        }

        inSpoiler |= spoiler;
        // A reveal control's own text is its label ("Show spoiler"), not the review's.
        var labelOnly = verdict.Has(ClassSignal.SpoilerToggle);
        if (HtmlNames.Inline.Contains(name))
        {
            Walk(element, kind, inLink || name == "a", inSpoiler, depth + 1, labelOnly);
            return;
        }

        Flush();
        var pre = name == "pre";
        _preDepth += pre ? 1 : 0;
        Walk(element, KindOf(name, kind), inLink, inSpoiler, depth + 1, labelOnly);
        _preDepth -= pre ? 1 : 0;
        Flush();
    }

    private static BlockKind KindOf(string name, BlockKind outer) => name switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" => BlockKind.ListItem,
        "blockquote" => BlockKind.Quote,
        // Text inside a list item or quote keeps that kind even when wrapped in <p>.
        _ => outer == BlockKind.Heading ? BlockKind.Paragraph : outer,
    };

    private void AppendText(ReadOnlySpan<char> raw, BlockKind kind, bool inLink, bool inSpoiler)
    {
        var before = _buffer.Length;
        _buffer.AppendHtmlText(raw, inLink);
        if (_buffer.Length == before)
        {
            return;
        }

        if (before == 0)
        {
            _bufferKind = kind;
        }

        _breaks = 0;
        if (inSpoiler)
        {
            Mark(before, _buffer.Length);
        }
    }

    // A run right after the last mark (two spoiler spans with only whitespace between, which adds nothing to the buffer
    // until the next run) extends it, so the block has one mark per spoiler stretch.
    private void Mark(int start, int end)
    {
        if (_marks.Count > 0 && start == _marks[^1].End)
        {
            _marks[^1] = _marks[^1] with { End = end };
        }
        else
        {
            _marks.Add(new TextSpan(start, end));
        }
    }

    private void MarkJumpBreak()
    {
        Flush();
        _jumpBreak ??= _blocks.Count;
    }

    private void Flush()
    {
        _breaks = 0;
        if (_buffer.Length == 0)
        {
            _marks.Clear();
            return;
        }

        var linkChars = _buffer.LinkChars;
        var links = _bufferKind == BlockKind.Paragraph && !CommentMode && !KeepClutter ? _buffer.LinkRuns : 0;
        var bare = !_buffer.WordsOutsideLinks;
        var text = _buffer.Take();
        // A line of three or more links and nothing but separators between them ("Home | FAQ | Links", "Prev · Index ·
        // Next") is a menu bar, and links joined by arrows up to the page's own name ("Home > Docs > README") a
        // breadcrumb, and two links pointing back and forth ("« Previous post | Main", "← Older  Newer →") a pager,
        // wherever the page put them; one link alone, or links inside a sentence, are text.
        var menu = links >= MinMenuLinks - 1 && bare || links >= 2 && text.Length <= 200 && (Breadcrumb().IsMatch(text) || bare && Pager().IsMatch(text));
        // A comment's own action line ("[Reply]", "Report", "Please rate this comment: 1 0") is its widget, not its words;
        // a plugin prints it as a paragraph of its own where the platform's chrome classes do not reach it.
        var action = CommentMode && text.Length <= MaxActionLine && ((linkChars > 0 && CommentAction().IsMatch(text)) || RateThis().IsMatch(text));
        if (HasWordCharacter(text) && !menu && !action)
        {
            _blocks.Add(_marks.Count == 0 ? new SourceBlock(_bufferKind, text) : SourceBlock.WithMarks(_bufferKind, text, Trimmed(text, _marks)));
            _allLink.Add(linkChars >= text.Length);
        }

        _marks.Clear();
    }

    // A marked run can begin with the space that joined it to the text before; the space is not the spoiler.
    private static TextSpan[] Trimmed(string text, List<TextSpan> marks)
    {
        var parts = new List<TextSpan>(marks.Count);
        foreach (var mark in marks)
        {
            var (start, end) = (mark.Start, Math.Min(mark.End, text.Length));
            while (start < end && text[start] == ' ')
            {
                start++;
            }

            if (end > start)
            {
                parts.Add(new TextSpan(start, end));
            }
        }

        return parts.ToArray();
    }

    // Star ratings ("★★★½") carry no letter or digit but are text a reader sees; other symbol-only runs are decoration.
    private static bool HasWordCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.IsNumber(c) || c is '\u2605' or '\u2606')
            {
                return true;
            }
        }

        return false;
    }
}
