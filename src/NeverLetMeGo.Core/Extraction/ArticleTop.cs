using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Extraction.Metadata;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>
/// Removes what sits at the top of an article but is metadata, not text: the post title repeated as a heading, and a
/// byline such as "By John C." (returned, for pages whose markup names no author). Anywhere in the article it removes
/// the interface lines that review sites put under a review whatever their markup ("47 out of 52 found this helpful.
/// Was this review helpful? Sign in to vote.", "Permalink", "Report this", "Helpful • 12"), pagers ("Next message: …",
/// "« Older entries"), and the label an ad slot
/// leaves behind when its script is gone ("Advertisement").
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
            else if (block.Kind == Model.BlockKind.Paragraph && block.Text.Length <= 120 && ReadingTime().IsMatch(block.Text))
            {
                // The post's meta line: "Priya N. · Follow · 6 min read · Feb 11, 2022".
                remove = true;
            }
            else if (IsFilingLine(block))
            {
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

        for (var i = 0; i < blocks.Count; i++)
        {
            if (IsInterfaceLine(blocks[i]))
            {
                blocks.RemoveAt(i);
                if (jumpBreak > i)
                {
                    jumpBreak--;
                }

                i--;
            }
        }

        // The page's footer line where the text ends ("Last modified: 12 May 1999.", "Copyright 2003 John Smith. All rights
        // reserved."): personal and older pages write it into the same cell or body as their text.
        while (blocks.Count > 1 && (IsFooterLine(blocks[^1]) || IsFilingLine(blocks[^1]) || IsPostedByLine(blocks[^1])))
        {
            blocks.RemoveAt(blocks.Count - 1);
            if (jumpBreak >= blocks.Count)
            {
                jumpBreak = null;
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

    /// <summary>
    /// A short block made only of interface phrases, counts and separators: with any word left over (an opinion, a
    /// sentence that mentions sharing) it is the reviewer's and stays.
    /// </summary>
    internal static bool IsInterfaceLine(SourceBlock block)
    {
        if (block.Kind == Model.BlockKind.Quote || block.Text.Length > 200)
        {
            return false;
        }

        if (block.Text.Length <= 160 && PagerLine().IsMatch(block.Text))
        {
            return true;
        }

        return InterfacePhrase().IsMatch(block.Text)
            && !InterfaceFiller().Replace(InterfacePhrase().Replace(block.Text, " "), string.Empty).Any(char.IsLetterOrDigit);
    }

    internal static bool IsFooterLine(SourceBlock block) =>
        block.Kind == Model.BlockKind.Paragraph && block.Text.Length <= 200 && FooterLine().IsMatch(block.Text);

    /// <summary>
    /// Where the post is filed, printed above or below its text: "Posted in: Fantasy |", "Filed under Architecture | 1
    /// Comment", "Tags: NFL AM, Jaguars", "Published: November 7th, 2012 | Tags: …". A line that reads as a sentence (it
    /// ends one, or holds one and goes on) is the author's ("Filed under 'too long', this film…", "Posted in 2010 and still
    /// the best review of it.").
    /// </summary>
    internal static bool IsFilingLine(SourceBlock block) =>
        block.Kind == Model.BlockKind.Paragraph && block.Text.Length <= 200 && FilingLine().IsMatch(block.Text) && !SentenceInside().IsMatch(block.Text)
        && block.Text.TrimEnd('"', '\'', '\u201D', '\u2019', ')', ' ') is not [.., '.' or '!' or '?' or '\u2026'];

    /// <summary>
    /// The line older blog templates print under a post, who posted it and when ("Posted by laurie at September 10, 2012
    /// 9:01 AM"): the post's metadata where its text ends. Without the time ("Posted by Dan F., Product Manager") it
    /// signs the post and stays.
    /// </summary>
    internal static bool IsPostedByLine(SourceBlock block) =>
        block.Kind == Model.BlockKind.Paragraph && block.Text.Length <= 120 && PostedByLine().IsMatch(block.Text);

    // Case, quotes, punctuation and spacing differ between <title>, og:title and the visible heading.
    private static string Key(string text) => NonWord().Replace(text.ToLowerInvariant(), string.Empty);

    // A capitalised name, or a user name that a digit or underscore sets apart from prose ("by moviebuff_77").
    [GeneratedRegex(@"^\s*" + Metadata.BylineLabel.By + @"\s+(?:(?-i:\p{Lu})|@?\p{L}[\w.\-]*[\d_])", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"\b(?:\d[\d,.]*\s+(?:out\s+)?of\s+\d[\d,.]*\s+(?:people\s+|users\s+|readers\s+|members\s+)?found\s+this\s+(?:review\s+)?(?:helpful|useful)|(?:was|is|did\s+you\s+find)\s+this\s+(?:review\s+|comment\s+|post\s+)?(?:helpful|useful)\??(?:[\s\d()|/\u2022\u00B7]*\b(?:yes|no)\b)*|(?:sign|log)\s*(?:in|on)\s+to\s+(?:vote|rate|reply|comment|like)|permalink|report\s+(?:this(?:\s+review|\s+comment)?|abuse|review|comment|spam)|share\s+(?:this(?:\s+review|\s+post|\s+article)?|on\s+\w+)|share(?:\s+it)?|(?:not\s+)?helpful|advertis(?:e)?ments?|sponsored(?:\s+content)?|member[-\s]only\s+story|pin\s+it|text\s+size|reprints?|e-?mail\s+(?:this\s+)?(?:article|story|post)(?:\s+link(?:\s+to)?)?|love\s+and\s+share)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InterfacePhrase();

    [GeneratedRegex(@"\b\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\s+(?:read|listen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    // A pager between a blog's or an archive's items: "Previous message: [list] slugs", "Next post »", "« Older entries".
    [GeneratedRegex(@"^\W*(?:previous|next|prev|older|newer)\s+(?:messages?|posts?|articles?|entry|entries|stor(?:y|ies)|thread|topic)\s*(?::|\W*$)", RegexOptions.IgnoreCase)]
    private static partial Regex PagerLine();

    // What may sit between the phrases: counts, bullets, separators.
    [GeneratedRegex(@"\d+|[\W_]+")]
    private static partial Regex InterfaceFiller();

    [GeneratedRegex(@"[\W_]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^\W*(?:(?:posted|published|listed)\s+(?:in|under)\s*:|filed\s+(?:in|under)\b|(?:categor(?:y|ies)|tags?|tagged(?:\s+(?:with|as))?|labels?|(?:related\s+)?topics?)\s*:)|\|\s*(?:tags?|categor(?:y|ies)|filed\s+under)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex FilingLine();

    [GeneratedRegex(@"^\W*(?:posted|written)\s+by:?\s+[^.!?|]{1,60}?\s(?:at|on)\s[^!?]{0,40}?\b(?:(?:19|20)\d\d|\d{1,2}:\d\d)\b[^.!?]{0,30}$", RegexOptions.IgnoreCase)]
    private static partial Regex PostedByLine();

    // A sentence's end with more text after it: prose, not a label line.
    [GeneratedRegex(@"[.!?][""'\u201D\u2019)]?\s+\p{Lu}")]
    private static partial Regex SentenceInside();

    // Opens with what only a page's footer says: a copyright notice, the date the page was last changed, "powered by", a
    // newsletter's call to subscribe ("Thanks for reading The Long Take! Subscribe for free…", "Don't miss a post! Subscribe
    // to our newsletter…", "Sign-up to the … newsletter and …", "Click here to sign up for … emails").
    [GeneratedRegex(@"^\W*(?:(?:thanks|thank\s+you)\s+for\s+reading\b[^\n]{0,120}?\bsubscribe\b|(?:don'?t\s+miss\s+a\s+(?:post|thing|story)\W+)?(?:click\s+here\s+to\s+)?(?:subscribe|sign[-\s]?up)\s+(?:(?:for\s+free|now|today)\s+)?(?:to|for)\b[^.!?]{0,60}?\b(?:newsletters?|new\s+posts|updates|e-?mails|rss\s+feed|alerts)\b|(?:©|\(c\)|copyright\b)[^.!?]{0,80}?(?:\d{4}|all\s+rights\s+reserved)|all\s+rights\s+reserved\b|(?:this\s+)?page\s+(?:was\s+)?last\s+(?:modified|updated|changed|revised)\b|last\s+(?:modified|updated|changed|revised)\s*(?::|on\b)|powered\s+by\b|(?:back|return)\s+to\s+(?:the\s+)?(?:top|home|index|main|previous|[^.!?]{0,40}\b(?:home\s*page|index|menu|contents|list))\W*$)", RegexOptions.IgnoreCase)]
    private static partial Regex FooterLine();
}
