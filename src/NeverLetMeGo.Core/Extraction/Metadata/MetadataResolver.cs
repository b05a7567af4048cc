using System.Text.RegularExpressions;
using HtmlAgilityPack;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>Chooses title, author, date, site and URL: JSON-LD first, then meta tags, then what the page shows.</summary>
internal static partial class MetadataResolver
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00AB ", " \u00BB ", " \u00B7 ", " \u2022 ", " / "];

    public static PageMetadata Resolve(PageSignals page, Uri fetchUrl)
    {
        var ld = JsonLdReader.Read(page.JsonLd);
        var siteName = FirstNonEmpty(SiteOfUrl(page.MetaValue("og:site_name")), page.MetaValue("application-name"), ld.Publisher, ld.WebsiteName,
                page.Headlines.Where(LinksHome).Select(h => HtmlText.Of(h)).FirstOrDefault(t => t.Length is > 0 and <= 80),
                page.Headlines.Where(IsOneLink).Select(h => HtmlText.Of(h)).FirstOrDefault(t => EndsTitle(page.DocumentTitle, t)),
                TitledSite(page.DocumentTitle, fetchUrl))
            ?? HostName(fetchUrl);
        var title = FirstNonEmpty(
            LinkedDataTitle(ld, page.DocumentTitle),
            page.MetaValue("og:title"),
            page.MetaValue("twitter:title"),
            VisibleHeadline(page, siteName),
            page.DocumentTitle);
        return new PageMetadata
        {
            Url = ChooseUrl(fetchUrl, page.Canonical ?? page.MetaValue("og:url")),
            Title = title is null ? null : StripSiteName(title, siteName, fetchUrl),
            // The byline meta of the New York Times' pages, Parse.ly's and Dublin Core's authors: site conventions many
            // publishers share, each naming the author where the page's JSON-LD does not.
            Author = FirstName(ld.Author, page.MetaValue("author"), WithoutBy(page.MetaValue("byl")), page.MetaValue("parsely-author"),
                page.MetaValue("dc.creator"), page.MetaValue("dcterms.creator"), NotUrl(page.MetaValue("article:author")), VisibleAuthor(page),
                TitledReviewer(title), TitledReviewer(page.DocumentTitle)),
            PublishedAt = DateParser.Parse(ld.DatePublished)
                ?? DateParser.Parse(page.MetaValue("article:published_time"))
                ?? DateParser.Parse(page.MetaValue("datepublished"))
                ?? DateParser.Parse(page.MetaValue("date"))
                ?? DateParser.Parse(page.MetaValue("dc.date.issued"))
                ?? DateParser.Parse(page.MetaValue("parsely-pub-date"))
                ?? VisibleDate(page),
            SiteName = siteName,
            Language = LanguageTag.Normalize(ld.InLanguage)
                ?? LanguageTag.Normalize(page.RootLanguage)
                ?? LanguageTag.Normalize(page.MetaValue("content-language"))
                ?? LanguageTag.Normalize(page.MetaValue("og:locale"))
                ?? LanguageTag.Normalize(page.MetaValue("dc.language")),
            ItemReviewed = ld.ItemReviewed,
            Rating = ld.Rating ?? ShownRating.Read(page.Ratings) ?? ShownRating.Read(page.LabelledRatings),
        };
    }

    /// <summary>
    /// The review's URL: the page's canonical URL when it is absolute http(s) and either the page was read from a file or
    /// the canonical stays on the fetched host (a page cannot claim another site's address); otherwise the fetch URL. An
    /// http(s) URL is in the form jobs are queued under (<see cref="PageUrls"/>, which gives no form to any other scheme):
    /// some sites print the tracking parameters of the link that led to the page into their canonical link, and one
    /// article read from two feed links was two reviews.
    /// </summary>
    public static string ChooseUrl(Uri fetchUrl, string? canonical)
    {
        if (canonical is not null
            && Uri.TryCreate(canonical.Trim(), UriKind.Absolute, out var candidate)
            && (fetchUrl.IsFile || string.Equals(candidate.Host, fetchUrl.Host, StringComparison.OrdinalIgnoreCase))
            && PageUrls.Canonicalize(candidate.AbsoluteUri) is { } page)
        {
            return page;
        }

        return fetchUrl.IsAbsoluteUri && PageUrls.Canonicalize(fetchUrl.AbsoluteUri) is { } fetched ? fetched : WithoutFragment(fetchUrl);
    }

    private static string WithoutFragment(Uri uri)
    {
        var text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }

    /// <summary>
    /// Whether <paramref name="title"/> is <paramref name="heading"/> whole, alone or with a shorter part of its own after
    /// or before a separator ("Heading | Site", "Site - Heading"); case aside. The heading must be the longer part: in
    /// "Quotation of the Day « Healthcare Economist" an h2 "Healthcare Economist" is the site's name, not the post's.
    /// </summary>
    internal static bool RepeatsTitle(string title, string heading)
    {
        if (heading.Length == 0 || heading.Length > title.Length || heading.Length * 2 <= title.Length)
            return false;
        return heading.Length == title.Length
            ? title.Equals(heading, StringComparison.OrdinalIgnoreCase)
            : StartsTitle(title, heading) || EndsAfterSeparator(title, heading);
    }

    private static bool StartsTitle(string title, string part)
    {
        if (!title.StartsWith(part, StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = title.AsSpan(part.Length);
        foreach (var separator in TitleSeparators)
        {
            if (rest.StartsWith(separator, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    private static bool EndsAfterSeparator(string title, string part)
    {
        if (!title.EndsWith(part, StringComparison.OrdinalIgnoreCase))
            return false;
        var before = title.AsSpan(0, title.Length - part.Length);
        foreach (var separator in TitleSeparators)
        {
            if (before.EndsWith(separator, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="heading"/> ends <paramref name="title"/> after a separator and is the shorter part: the
    /// site's name a blog's banner links ("Thinking of stretching your vSphere cluster? - Virtual Geek" under an h1 that
    /// links "Virtual Geek" to the blog's own address, not "/").
    /// </summary>
    internal static bool EndsTitle(string? title, string heading)
        => title is not null && heading.Length > 0 && heading.Length * 2 < title.Length && EndsAfterSeparator(title, heading);

    /// <summary>A heading whose whole text is one link, as a banner's is.</summary>
    private static bool IsOneLink(HtmlNode heading) => OnlyLink(heading) is not null;

    /// <summary>The link that is a heading's whole text, or null.</summary>
    private static HtmlNode? OnlyLink(HtmlNode heading)
    {
        var links = heading.Descendants("a").Take(2).ToList();
        return links.Count == 1 && HtmlText.Of(links[0]).Length == HtmlText.Of(heading).Length ? links[0] : null;
    }

    /// <summary>A site name some pages give as their address ("http://ibnlive.in.com/"): its host is how a reader names it.</summary>
    private static string? SiteOfUrl(string? name)
        => name is not null && Uri.TryCreate(name.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? HostName(url) : name;

    /// <summary>Removes " | Site", " - Site" (or "Site | ") when it names the site.</summary>
    public static string StripSiteName(string title, string siteName, Uri? url = null)
    {
        var host = url is null ? null : HostName(url);
        foreach (var separator in TitleSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && IsSite(title[(at + separator.Length)..], siteName, host))
            {
                return title[..at].Trim();
            }

            at = title.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && at + separator.Length < title.Length && IsSite(title[..at], siteName, host))
            {
                return title[(at + separator.Length)..].Trim();
            }
        }

        return title;
    }

    /// <summary>
    /// The site as the page's &lt;title&gt; names it after its last separator, when that name spells the host
    /// ("… — Orbit Reviews" on orbitreviews.example, "… | The Guardian" on theguardian.com): the site's own spelling of
    /// what its address says.
    /// </summary>
    private static string? TitledSite(string? documentTitle, Uri url)
    {
        if (string.IsNullOrWhiteSpace(documentTitle) || !url.IsAbsoluteUri || url.IsFile)
            return null;
        var host = HostName(url);
        var label = host[..(host.IndexOf('.') is > 0 and var dot ? dot : host.Length)];
        foreach (var separator in TitleSeparators)
        {
            var at = documentTitle.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
                continue;
            var part = documentTitle[(at + separator.Length)..].Trim();
            var letters = string.Concat(part.Where(char.IsLetterOrDigit)).ToLowerInvariant();
            if (letters.Length > 0 && letters == label.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())
                return part;
        }

        return null;
    }

    private static bool IsSite(string part, string siteName, string? host)
    {
        var p = part.Trim();
        return p.Equals(siteName, StringComparison.OrdinalIgnoreCase) || (host is not null && p.Equals(host, StringComparison.OrdinalIgnoreCase));
    }

    private static string HostName(Uri url)
    {
        if (!url.IsAbsoluteUri || url.IsFile || string.IsNullOrEmpty(url.Host))
        {
            return url.IsAbsoluteUri && url.IsFile ? "local file" : "unknown";
        }

        return url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
    }

    private static string? VisibleHeadline(PageSignals page, string siteName)
    {
        // A headline the <title> repeats is the post's; then classed headlines (entry-title, post-title) beat a bare h1,
        // which is often the site's logo. A heading that only links home is the logo whatever its class.
        var documentTitle = page.DocumentTitle ?? string.Empty;
        // Each candidate with its text, read once. Documentation generators end a heading with its permalink, a "¶" link.
        var candidates = page.Headlines.Where(h => !LinksHome(h)).Select(h => (Node: h, Text: HtmlText.Of(h).TrimEnd('\u00B6').TrimEnd())).ToList();
        // Of the headlines the <title> repeats, the longest: a blog's name and its post's headline are often both in the
        // title ("danah boyd | apophenia » Participatory Culture: …"), and the name comes first on the page.
        // A bare h1 the title does not repeat is often a section's or a widget's name ("VIDEOS"); it is still the best
        // guess when the title is the site's alone, but not when the title is "Post - Site": then the title names the post.
        var classed = candidates.Where(c => c.Node.Name != "h1" || NodeTraits.Classes(c.Node) is var classes
            && (classes.Contains("title", StringComparison.OrdinalIgnoreCase) || classes.Contains("headline", StringComparison.OrdinalIgnoreCase)));
        var titleNamesPost = documentTitle.Length > 0 && StripSiteName(documentTitle, siteName).Length < documentTitle.Length;
        var ordered = candidates.Where(c => documentTitle.Contains(c.Text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Text.Length)
            .Concat(classed)
            .Concat(titleNamesPost ? [] : candidates);
        foreach (var (_, text) in ordered)
        {
            if (text.Length is > 0 and <= 300 && !text.Equals(siteName, StringComparison.OrdinalIgnoreCase))
            {
                return text;
            }
        }

        return null;
    }

    private static bool LinksHome(HtmlNode heading)
    {
        return OnlyLink(heading) is { } link
            && link.GetAttributeValue("href", string.Empty).Trim() is var href
            && (href is "/" or "./" || (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0));
    }

    private static string? VisibleAuthor(PageSignals page)
    {
        // Named roles first: a "By" label often wraps the rel=author link that names the author more exactly.
        foreach (var node in page.Bylines.Concat(page.LabelledBylines))
        {
            // A byline that prints the date beside the name ("Sam Reyes Oct 3, 2024") names its author by the link to the
            // author's page; other links of an author box lead to the author's work ("Space Boffins podcast").
            var authorLinks = node.Descendants("a").Where(a => AuthorPage().IsMatch(a.GetAttributeValue("href", string.Empty))).ToList();
            var named = PreferNameChild(node);
            var name = NameFromByline(HtmlText.Of(named))
                ?? (named == node ? null : NameFromByline(HtmlText.Of(node)))
                ?? authorLinks.Select(a => NameFromByline(HtmlText.Of(a))).FirstOrDefault(n => n is not null);
            // A byline that goes on after its one linked name in an element of its own gives the author's role or the date
            // ("Ben Silverman" linked to the author's page, then a box saying "Games Editor"): the link is the name. Text
            // right after the link is still the name ("By <a>Jane</a> Doe").
            if (name is not null && authorLinks.Count == 1 && NameFromByline(HtmlText.Of(authorLinks[0])) is { } linked
                && name.Length > linked.Length && name.StartsWith(linked + " ", StringComparison.Ordinal)
                && !FollowedByText(authorLinks[0], node))
            {
                name = linked;
            }

            if (name is not null)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Whether the first thing after <paramref name="element"/> inside <paramref name="within"/> is text rather than another element.</summary>
    private static bool FollowedByText(HtmlNode element, HtmlNode within)
    {
        for (var at = element; at != within && at.ParentNode is not null; at = at.ParentNode)
        {
            for (var next = at.NextSibling; next is not null; next = next.NextSibling)
            {
                if (next.NodeType == HtmlNodeType.Text && !string.IsNullOrWhiteSpace(next.InnerText))
                    return true;
                if (next.NodeType == HtmlNodeType.Element)
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The element that holds the name inside a byline that also gives the role, the outlet or a feed link: schema.org's
    /// itemprop=name, hCard's fn, or a class that says name ("byline-name" beside "byline-title" on the BBC's pages).
    /// </summary>
    private static HtmlNode PreferNameChild(HtmlNode node)
    {
        var inside = HtmlText.Elements(node).Where(n => n != node).ToList();
        return inside.FirstOrDefault(n => string.Equals(n.GetAttributeValue("itemprop", null), "name", StringComparison.OrdinalIgnoreCase))
            ?? inside.FirstOrDefault(n => NodeTraits.HasToken(NodeTraits.Classes(n), "fn"))
            ?? inside.FirstOrDefault(n => NamesName(NodeTraits.Classes(n)))
            ?? node;
    }

    private static bool NamesName(string classes)
    {
        foreach (var token in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.EndsWith("name", StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>"By John C. on September 20, 2010" → "John C."; null when the text does not look like a name.</summary>
    public static string? NameFromByline(string? text)
    {
        var normalized = TextBuffer.Normalize(text);
        var match = Byline().Match(normalized);
        var name = Bracketed().Replace(match.Success ? match.Groups["name"].Value : normalized, string.Empty).Trim(' ', ',', ':', '|', '-', '\u2013', '\u2014');
        if (name.EndsWith('.') && name.Split(' ')[^1].Length > 2)
        {
            // "by Stacey." ends a sentence; "John C." keeps its initial.
            name = name[..^1];
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return name.Length is >= 2 and <= 60 && words.Length <= 6 && char.IsLetter(name[0])
            && (!name.Any(char.IsDigit) || Handle().IsMatch(name))
            && !name.Contains("http", StringComparison.OrdinalIgnoreCase)
            ? name
            : null;
    }

    /// <summary>
    /// The reviewer a title names, last of all: review sites that print no byline title the page after the review
    /// ("Hannah Lindqvist's review of Gone Girl", "Fight Club (1999) - Review by Gary Whitcombe - Gary's Movie Page").
    /// </summary>
    internal static string? TitledReviewer(string? title)
    {
        var normalized = TextBuffer.Normalize(title);
        var match = TitleReviewer().Match(normalized);
        return !match.Success ? null
            : match.Groups["owner"].Success ? match.Groups["owner"].Value
            : NameFromByline("by " + match.Groups["name"].Value);
    }

    private static DateTimeOffset? VisibleDate(PageSignals page)
    {
        // Machine-readable dates (time@datetime, abbr@title, meta@content) first, wherever they are: they carry the time
        // of day that a "Sunday, April 15, 2012" date header above the post leaves out. Then a byline that dates itself
        // ("Reviewed by Ada on 12 March 2021"); last, a line that says in words when the post went up ("Posted on
        // September 18, 2012 at 3:48 am").
        return FirstDate(page, node => DateParser.Parse(node.GetAttributeValue("datetime", null))
                ?? DateParser.Parse(node.GetAttributeValue("content", null))
                ?? DateParser.Parse(node.GetAttributeValue("title", null)))
            ?? FirstDate(page, node => DateParser.Parse(HtmlText.Of(node)))
            ?? page.Bylines.Concat(page.LabelledBylines).Select(node => DateParser.Parse(HtmlText.Of(node))).FirstOrDefault(d => d is not null)
            ?? page.PostedLines.Select(DateParser.Parse).FirstOrDefault(d => d is not null);
    }

    private static DateTimeOffset? FirstDate(PageSignals page, Func<HtmlNode, DateTimeOffset?> read)
    {
        foreach (var node in page.Dates)
        {
            var classes = NodeTraits.Classes(node);
            if (classes.Contains("updated", StringComparison.OrdinalIgnoreCase) && !classes.Contains("published", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (read(node) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The JSON-LD headline, or the article's name where the page's own title starts with it and does not hold the
    /// headline (Wikipedia: name "New Zealand", headline "constitutional monarchy in Oceania", title "New Zealand -
    /// Wikipedia"); a name that is the site's, at the end of the title, never replaces the headline.
    /// </summary>
    private static string? LinkedDataTitle(JsonLdFacts ld, string? documentTitle) =>
        ld is { Name: { } name, Headline: { } headline } && documentTitle is not null
        && documentTitle.TrimStart().StartsWith(name, StringComparison.OrdinalIgnoreCase) && !documentTitle.Contains(headline, StringComparison.OrdinalIgnoreCase)
            ? name
            : ld.Headline;

    private static string? WithoutBy(string? value) => value is null ? null : ByLabel().Replace(value, string.Empty);

    [GeneratedRegex(@"^\s*" + BylineLabel.By + @"\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByLabel();

    private static string? NotUrl(string? value) =>
        value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.StartsWith('/') ? null : value;

    // What a template writes where no author was set ("<meta name=author content=author>", WordPress's "admin").
    private static readonly HashSet<string> Placeholders = new(["author", "admin", "administrator", "webmaster", "unknown", "anonymous", "guest"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The first value that is a name and not a template's placeholder for one.</summary>
    private static string? FirstName(params string?[] values) => FirstNonEmpty([.. values.Select(v => v is not null && Placeholders.Contains(v.Trim()) ? null : v)]);

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var value in values)
        {
            var normalized = TextBuffer.Normalize(value);
            if (normalized.Length > 0)
            {
                return normalized;
            }
        }

        return null;
    }

    // A user name on a review site: one word of letters, digits, dots, dashes and underscores ("moviebuff_77").
    [GeneratedRegex(@"^@?\p{L}[\p{L}\p{N}_.\-]{1,39}$")]
    private static partial Regex Handle();

    [GeneratedRegex(@"^" + BylineLabel.By + @"\s*:?\s+(?<name>.+?)(?:\s+(?:on|at|in|\||-|\u2013|\u2014|\u00B7|\u2022)\s+.*|\s+posted\b.*|,\s+.*|\s+\d.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"/(?:authors?|profiles?|people|staff|writers?|contributors?|members?|users?|u|journalists?|columnists?)/[^/?#]|/@[^/?#]|[?&]author=", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorPage();

    // A name is one to three capitalised words; after "review by" also a user name, up to the next separator.
    [GeneratedRegex(@"^(?<owner>\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,2})['\u2019]s\s+(?i:review\s+of)\s+\S|(?:^|\s)(?i:review\s+by)\s+(?<name>\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,2}|@?\p{L}[\w.\-]*[\d_][\w.\-]*)\s*(?:$|[|\-\u2013\u2014\u2022\u00B7:]\s)")]
    private static partial Regex TitleReviewer();

    // "Danny Choo [www]", "Ada Lind (site)": a link or note after the name.
    [GeneratedRegex(@"\s*[\[(][^\])]{0,40}[\])]\s*$")]
    private static partial Regex Bracketed();
}
