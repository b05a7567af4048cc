using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction;

/// <summary>What an element's class and id say about it.</summary>
[Flags]
internal enum ClassSignal
{
    None = 0,
    Boilerplate = 1,
    ContentHint = 2,
    Spoiler = 4,
    /// <summary>The element is (or wraps) a comment thread, by an exact name such as "comments" or "comment-list".</summary>
    CommentArea = 8,
    Hidden = 16,
    /// <summary>A name with the word comment in it: never article text, but fine inside a comment.</summary>
    CommentRelated = 32,

    // Roles read by the metadata scan and the comment finder (exact names, see ClassHints.Roles.cs).
    Headline = 1 << 6,
    Byline = 1 << 7,
    DateLike = 1 << 8,
    AuthorBlock = 1 << 9,
    SidebarLike = 1 << 10,
    CommentItem = 1 << 11,
    CommentItemId = 1 << 12,
    BloggerCommentId = 1 << 13,
    DisqusPostId = 1 << 14,
    DisqusThread = 1 << 15,
    CommentBody = 1 << 16,
    CommentFn = 1 << 17,
    CommentAuthor = 1 << 18,
    CommentDate = 1 << 19,
    CommentChrome = 1 << 20,
    ReplyContainer = 1 << 21,

    /// <summary>The post itself (class hentry, h-entry, post, type-post), whose own footer carries its byline.</summary>
    PostEntry = 1 << 22,

    // Read from the element's other attributes once, when its verdict is first asked for (ClassHintCache.Get(HtmlNode)).
    /// <summary>Hidden by the hidden attribute, aria-hidden or an inline style.</summary>
    HiddenAttribute = 1 << 23,

    /// <summary>itemprop=articleBody (schema.org) marks the article body explicitly.</summary>
    ArticleBody = 1 << 24,

    // itemprop and rel values the metadata scan asks every element about, read once with the verdict.
    ItempropHeadline = 1 << 25,
    ItempropAuthor = 1 << 26,
    ItempropDatePublished = 1 << 27,
    RelAuthor = 1 << 28,

    /// <summary>A reveal control whose own text is its label ("Show spoiler") and whose child elements hold the spoiler.</summary>
    SpoilerToggle = 1 << 29,

    /// <summary>A rating as the page shows it: class rating/stars/score, itemprop=ratingValue, data-rating, aria-label "Rated 4 out of 5".</summary>
    RatingLike = 1 << 30,

    /// <summary>An average of many ratings (class aggregate/average, itemprop=aggregateRating): never the reviewer's own.</summary>
    // 1 << 31 is the int's sign bit: a flag like the others, since Has only tests with &.
    AggregateRating = 1 << 31,
}

/// <summary>The verdict on one class/id pair: flags plus the readability-style weight used when scoring containers.</summary>
internal readonly record struct ClassVerdict(ClassSignal Signals, int Weight)
{
    public bool Has(ClassSignal signal) => (Signals & signal) != 0;
}

/// <summary>
/// Reads class and id attributes. Each class name or id is judged once per process (a bounded, thread-safe memo: sites
/// reuse the same names on every page) and each distinct attribute pair once per page (<see cref="ClassHintCache"/>).
/// </summary>
internal static partial class ClassHints
{
    private const int MemoLimit = 100_000;
    private static readonly ConcurrentDictionary<string, ClassVerdict> ClassNames = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ClassVerdict> Ids = new(StringComparer.Ordinal);
    private static int _memoCount;

    public static ClassVerdict Classify(string classes, string id) => Combine(OfClasses(classes), OfId(id));

    /// <summary>What a class attribute's names say together, before they meet the id (<see cref="Combine"/>).</summary>
    internal static ClassVerdict OfClasses(ReadOnlySpan<char> classes)
    {
        var signals = ClassSignal.None;
        var weight = 0;
        var span = classes;
        foreach (var range in span.SplitAny(" \t\r\n\f"))
        {
            var name = span[range];
            if (!name.IsEmpty)
            {
                var verdict = Memo(ClassNames, name, isId: false);
                signals |= verdict.Signals;
                weight += verdict.Weight;
            }
        }

        return new ClassVerdict(signals, weight);
    }

    /// <summary>What an id says, before it meets the class names.</summary>
    internal static ClassVerdict OfId(ReadOnlySpan<char> id)
    {
        var trimmedId = id.Trim();
        return trimmedId.IsEmpty ? default : Memo(Ids, trimmedId, isId: true);
    }

    /// <summary>The element's verdict from its class names' and its id's.</summary>
    internal static ClassVerdict Combine(ClassVerdict classes, ClassVerdict id)
    {
        var signals = classes.Signals | id.Signals;
        if ((signals & ClassSignal.ContentHint) != 0)
        {
            // A content hint outweighs incidental tokens such as "post-meta-wrap" on the same element.
            signals &= ~(ClassSignal.Boilerplate | ClassSignal.CommentRelated);
        }

        return new ClassVerdict(signals, classes.Weight + id.Weight);
    }

    // Made once: asked for per call, the lookup is checked against the dictionary's comparer every time.
    private static readonly ConcurrentDictionary<string, ClassVerdict>.AlternateLookup<ReadOnlySpan<char>> ClassNameLookup =
        ClassNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ConcurrentDictionary<string, ClassVerdict>.AlternateLookup<ReadOnlySpan<char>> IdLookup =
        Ids.GetAlternateLookup<ReadOnlySpan<char>>();

    private static ClassVerdict Memo(ConcurrentDictionary<string, ClassVerdict> memo, ReadOnlySpan<char> name, bool isId)
    {
        // "comment-48213" and "post-7731" are one name each to every rule here (the rules look at whether digits are
        // there and how many, up to four, never at their values), so digit runs are folded before the memo: ids
        // that are unique per element would otherwise each miss, run every regex and fill the memo.
        var fold = name.Length <= 256 && name.IndexOfAnyInRange('0', '9') >= 0;
        Span<char> folded = fold ? stackalloc char[name.Length] : default;
        scoped var key = fold ? FoldDigits(name, folded) : name;

        var lookup = isId ? IdLookup : ClassNameLookup;
        if (lookup.TryGetValue(key, out var verdict))
        {
            return verdict;
        }

        // ConcurrentDictionary.Count takes every lock; an approximate counter is enough to bound the memo.
        if (Interlocked.Increment(ref _memoCount) > MemoLimit)
        {
            memo.Clear();
            Interlocked.Exchange(ref _memoCount, 0);
        }

        var stored = key.ToString();
        var lower = stored.ToLowerInvariant();
        var normalized = Normalize(lower);
        verdict = Judge(normalized, isId, isId && HeadingSlug().IsMatch(normalized));
        var split = SplitCamelCase(stored).ToLowerInvariant();
        if (!string.Equals(split, lower, StringComparison.Ordinal) && !LayoutModifier().IsMatch(split))
        {
            // The words of a camelCase name ("commentList", "entryDate", "staticStars") add the roles they name to what
            // the joined name says ("commentbody" stays a comment body); a page switch ("ShowNavrail", "hasSidebar") names
            // none. They never make it boilerplate: measured on the dev sets, "EntryTools" was chrome but "EmailOptin"
            // and "videoMeta" held text the gold keeps.
            var words = Judge(Normalize(split), isId, headingSlug: false);
            verdict = verdict with { Signals = verdict.Signals | (words.Signals & ~ClassSignal.Boilerplate) };
        }
        memo.TryAdd(stored, verdict);
        return verdict;
    }

    /// <summary>Each run of digits becomes zeros, as many as it had but at most four.</summary>
    internal static ReadOnlySpan<char> FoldDigits(ReadOnlySpan<char> name, Span<char> buffer)
    {
        var length = 0;
        var run = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++run <= 4)
                {
                    buffer[length++] = '0';
                }
            }
            else
            {
                run = 0;
                buffer[length++] = c;
            }
        }

        return buffer[..length];
    }

    /// <summary>The verdict on one class name or id, already normalised (<see cref="Normalize"/>).</summary>
    private static ClassVerdict Judge(string name, bool isId, bool headingSlug)
    {
        var signals = Roles(name, isId);
        var weight = 0;
        if (LayoutModifier().IsMatch(name) || headingSlug)
        {
            return new ClassVerdict(signals, 0);
        }

        if (ContentHint().IsMatch(name))
        {
            signals |= ClassSignal.ContentHint;
            weight += 50;
        }

        if (name.Contains("spoiler", StringComparison.Ordinal))
        {
            if (SpoilerLabel().IsMatch(name))
            {
                signals |= ClassSignal.Boilerplate;
            }
            else if (!NotSpoiler().IsMatch(name))
            {
                signals |= ClassSignal.Spoiler;
            }

            return new ClassVerdict(signals, weight);
        }

        signals |= HiddenName().IsMatch(name) ? ClassSignal.Hidden : 0;
        signals |= CommentArea().IsMatch(name) ? ClassSignal.CommentArea : 0;
        signals |= CommentWord().IsMatch(name) ? ClassSignal.CommentRelated : 0;
        signals |= BoilerplateStem().IsMatch(name) || BoilerplateWord().IsMatch(name) ? ClassSignal.Boilerplate : 0;
        if (NegativeWeight().IsMatch(name))
        {
            weight -= 25;
        }
        else if (PositiveWeight().IsMatch(name))
        {
            weight += 25;
        }

        return new ClassVerdict(signals, weight);
    }

    // "has-sidebar", "no-comments", "hidden-xs": layout switches that describe the page, not this element's role;
    // "js-social-images": a script hook; "category-social", "tag-related": WordPress taxonomy slugs chosen by authors.
    [GeneratedRegex(@"^(?:has|with|no|without|is|show|enable|disable|layout|theme|js|category|tag|post_tag|format|status|type|postid|term|taxonomy|tax|cat-item)[-_]|^(?:hidden|visible)-(?:xs|sm|md|lg|xl|print|phone|tablet|desktop|mobile)")]
    private static partial Regex LayoutModifier();

    // Documentation generators, wikis and editors give a section the id of its heading's words
    // ("sharing-with-a-single-developer"): such an id says what the section is about, never what role it plays.
    [GeneratedRegex(@"^[a-z]+(?:[-_][a-z0-9]+){3,}$")]
    private static partial Regex HeadingSlug();

    [GeneratedRegex(@"^(?:hidden|hide|invisible|sr-only|visually-hidden|screen-reader-text|screenreader|offscreen|d-none|display-none|is-hidden)$")]
    private static partial Regex HiddenName();

    [GeneratedRegex(@"entry[-_]?(?:content|body|text)|post[-_]?(?:body|content|text|entry)|article[-_]?(?:body|content|text)|story[-_]?(?:body|content|text)|hub[-_]?(?:body|content)|articlebody|blog[-_]?post[-_]?(?:body|content)|single[-_]?post[-_]?content|review[-_]?(?:body|content|text)")]
    private static partial Regex ContentHint();

    [GeneratedRegex(@"(?:title|head|toggle|button|btn|label|trigger|show|open|icon)")]
    private static partial Regex SpoilerLabel();

    // "contains-spoilers" flags a whole post the way a warning does; hiding the post as marked text would hide all of it.
    [GeneratedRegex(@"(?:no|non|without)[-_]?spoiler|spoiler[-_]?(?:free|less|warning|alert|notice)|(?:contains?|containing|includes?)[-_]?spoiler")]
    private static partial Regex NotSpoiler();

    [GeneratedRegex(@"^(?:comments?|comment[-_]?(?:list|area|section|thread|block|wrap|wrapper|container|s[-_]?area|s[-_]?section|s[-_]?wrap|s[-_]?block|s[-_]?container)|commentlist|respond|comment[-_]?respond|comment[-_]?form|disqus[-_]?thread|disqus|dsq[-_].*|fb[-_]comments|responses)$")]
    private static partial Regex CommentArea();

    // "kommentar" and "comentario" also in names that are no thread: "kommentarfunktion-deaktiviert" is never article text.
    [GeneratedRegex(@"comment(?!ary)|kommentar|comentario|respond|disqus|(?<![a-z0-9])(?:dsq|responses|discussion)(?![a-z0-9])")]
    private static partial Regex CommentWord();

    // Galleries, slideshows and carousels are image browsers whose captions describe pictures; an embedded social post,
    // without its script, is someone else's words in a blockquote. Neither is the article's own text.
    [GeneratedRegex(@"shar(?:e|ing)|social|related|sidebar|widget|breadcrumb|advert|sponsor|banner|cookie|consent|gdpr|subscri|newsletter|footer|masthead|author[-_]?(?:box|bio|info|profile|card)|about[-_](?:the[-_])?author|sharedaddy|addthis|sharethis|popup|modal|promo|outbrain|taboola|rate[-_]?this|post[-_]?ratings|polldaddy|poll|pagination|pager|navigation|navbar|skip[-_]?link|signup|sign[-_]up|login|copyright|tagcloud|tag[-_]?links|cat[-_]?links|postmetadata|entry[-_]?utility|more[-_]?by|recommend|trending|popular[-_]?posts|gallery|slideshow|carousel|twitter[-_]tweet|instagram[-_]media|tiktok[-_]embed|jp[-_]")]
    private static partial Regex BoilerplateStem();

    [GeneratedRegex(@"(?<![a-z0-9])(?:nav|menu|menus|ad|ads|adsense|adbox|adslot|adunit|header|reply|meta|tags|categories|bio|search|toolbar|tools|likes|like|rating[-_]?widget|byline[-_]?box|print|email|follow|subnav|topbar|bottombar|promoted)(?![a-z0-9])")]
    private static partial Regex BoilerplateWord();

    [GeneratedRegex(@"comment|meta|foot|sidebar|widget|shar(?:e|ing)|related|promo|sponsor|banner|masthead|(?<![a-z])nav|menu|tags|tool|shoutbox|skyscraper|(?<![a-z])ads?(?![a-z])|outbrain|popup|contact|login")]
    private static partial Regex NegativeWeight();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|review|hub")]
    private static partial Regex PositiveWeight();
}
