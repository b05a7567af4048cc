using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NeverLetMeGo.Core.Masking;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Reviews;

/// <summary>
/// Ready-to-render markup of a projected review. Every string from a page is HTML-escaped. A hidden block becomes a
/// native button (keyboard-operable by default) with aria-expanded and a label naming only the level, and an empty
/// region the page fills from the block route: markup that was never revealed never held the text.
/// </summary>
internal static class ReviewHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(ReviewSummaryResponse summary, MaskedReview review, ReadOptions options)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"nlmg-review\" data-review-id=\"{summary.Id}\" data-spoilers=\"{options.Tolerance.ToWireName()}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<header><h1 dir=\"auto\">{E(summary.Title)}</h1><p class=\"nlmg-meta\" dir=\"auto\">{E(summary.SiteName)}");
        if (summary.Author is { } author)
        {
            html.Append(" · ").Append(E(author));
        }

        html.Append("</p></header>\n");
        foreach (var block in review.Blocks)
        {
            html.Append(block.Hidden ? Hidden(summary.Id, block) : Visible(block)).Append('\n');
        }

        return html.Append("</article>\n").ToString();
    }

    /// <summary>"Spoiler (major) — reveal": the level and nothing else, so a screen reader cannot read the secret aloud.</summary>
    public static string RevealLabel(SpoilerLevel level) => $"Spoiler ({level.ToWireName()}) — reveal";

    private static string Hidden(long reviewId, MaskedBlock block)
    {
        var region = string.Create(CultureInfo.InvariantCulture, $"nlmg-r{reviewId}-b{block.Index}");
        var url = string.Create(CultureInfo.InvariantCulture, $"/reviews/{reviewId}/blocks/{block.Index}?reveal=true");
        var level = block.Level.ToWireName();
        var (partial, parts) = block.Parts is { } p ? (" nlmg-partial", Parts(p)) : ("", "");
        return $"""<div class="nlmg-spoiler{partial}" data-index="{block.Index}" data-level="{level}">{parts}<button type="button" class="nlmg-reveal" aria-expanded="false" aria-controls="{region}" data-reveal-url="{url}" title="{E(block.Reason ?? "")}">{E(RevealLabel(block.Level))}</button><div id="{region}" class="nlmg-revealed" role="region" aria-live="polite" hidden></div></div>""";
    }

    // mask=sentences: the sentences the reader may see, and a marker naming only the level where the others were.
    private static string Parts(IReadOnlyList<MaskedPart> parts)
    {
        var html = new StringBuilder("<p class=\"nlmg-parts\" dir=\"auto\">");
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
                html.Append(' ');
            var level = parts[i].Level.ToWireName();
            html.Append(parts[i].Hidden
                ? $"""<span class="nlmg-hidden-run" data-level="{level}">[{level} spoiler hidden]</span>"""
                : E(parts[i].Text ?? ""));
        }

        return html.Append("</p>").ToString();
    }

    private static string Visible(MaskedBlock block)
    {
        var text = E(block.Text ?? "");
        // dir="auto": a paragraph in Arabic or Hebrew takes its direction from its own words inside a page of another language.
        var attributes = string.Create(CultureInfo.InvariantCulture, $" data-index=\"{block.Index}\" dir=\"auto\"") + (block.Warning ? " class=\"nlmg-warning\"" : "");
        return block.Kind switch
        {
            BlockKind.Heading => $"<h2{attributes}>{text}</h2>",
            BlockKind.Quote => $"<blockquote{attributes}>{text}</blockquote>",
            BlockKind.ListItem => $"<p{attributes} data-kind=\"listItem\">• {text}</p>",
            _ => $"<p{attributes}>{text}</p>",
        };
    }

    private static string E(string text) => Encoder.Encode(text);
}
