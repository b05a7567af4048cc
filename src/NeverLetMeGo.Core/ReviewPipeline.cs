using HtmlAgilityPack;
using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Comments;
using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Ratings;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Core.Spoilers.Embeddings;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Core;

/// <summary>Pure entry point: HTML in, extracted and spoiler-tagged review out. No IO.</summary>
public static class ReviewPipeline
{
    /// <summary>
    /// Sentences of one page the encoder reads, article first, then comments in page order: about one to two seconds of
    /// one core, well inside the worker's parse timeout (bench/README.md, Spoilers).
    /// </summary>
    public const int EncodedSentencesPerPage = 1_000;

    /// <summary>Extracts article blocks, metadata, rating and comments from <paramref name="html"/> fetched from <paramref name="url"/>, then tags spoilers.</summary>
    /// <exception cref="ExtractionException">The page cannot be read as a review; the message says why.</exception>
    public static Review Process(string html, Uri url) => Process(html, url, knowledge: null);

    /// <summary>As <see cref="Process(string, Uri)"/>, with what is known of the work (its vocabulary and spoiler terms).</summary>
    /// <exception cref="ExtractionException">The page cannot be read as a review; the message says why.</exception>
    public static Review Process(string html, Uri url, WorkKnowledge? knowledge) => Tag(Extract(html, url), knowledge);

    /// <summary>
    /// The first half of <see cref="Process(string, Uri, WorkKnowledge?)"/>: the page read, not yet tagged. It names its
    /// work, so a caller can look up what is known of that work and tag once with it.
    /// </summary>
    /// <exception cref="ExtractionException">The page cannot be read as a review; the message says why.</exception>
    public static ExtractedReview Extract(string html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Guard(() => Read(html ?? string.Empty, url));
    }

    /// <summary>
    /// Loads what tagging needs (the n-gram model, the heads, the sentence encoder's sessions) and runs the encoder once,
    /// so that a host can pay for it before its first page's time limit starts: loading took most of a page's ten seconds
    /// on a busy machine, and the first pages of a fresh process failed for it. Tagging loads them itself when no host
    /// did; a model that cannot be loaded fails each page with its reason then, as before.
    /// </summary>
    public static void Prepare()
    {
        try
        {
            _ = SpoilerTagger.Default;
            MeaningReader.Shipped?.Encoder.Encode(["A sentence to load the encoder with."]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A model that cannot be loaded is reported by each page's tagging, with the page (Guard), as before: the
            // preparation must not turn it into a failure of the host or of every page in a new form.
        }
    }

    /// <summary>The second half: the article and each comment tagged, with the work's knowledge when there is any.</summary>
    /// <exception cref="ExtractionException">Tagging failed on this page's text; the message says why.</exception>
    public static Review Tag(ExtractedReview page, WorkKnowledge? knowledge)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Guard(() =>
        {
            PageEncoding.Prefetch(page.Article, page.RawComments.Select(c => c.Text), EncodedSentencesPerPage);
            // Past the page's encoding budget, comments are read by the words alone: a thread of thousands of comments is
            // tagged in time rather than failing the page. The choice is made once, so a second reading matches the first.
            var taggers = new SpoilerTagger?[page.RawComments.Count];
            var encoded = 0;
            TextReading? pageReading = null;
            // A title that warns ("[Spoilers] … discussion", "… ending explained") covers the page: its article and its comments.
            var warned = TitleWarning.Level(page.Untagged.Title);
            var text = page.Article with { WarnedFromStart = warned };
            var (blocks, tagged) = PageReading.Tag(
                outer =>
                {
                    var article = SpoilerTagger.Default.Tag(text, knowledge, outer, out var reading);
                    encoded = article.Sum(b => b.Sentences.Count);
                    pageReading = reading;
                    return (article, reading);
                },
                page.RawComments.Count,
                (i, outer) =>
                {
                    var tagger = taggers[i] ??= encoded < EncodedSentencesPerPage ? SpoilerTagger.Default : SpoilerTagger.WordsOnly;
                    var comment = tagger.Tag(page.RawComments[i].Text with { WarnedFromStart = warned, UnderOpenRegion = outer.OpenRegion }, knowledge, outer, out var reading);
                    encoded += comment.Sum(b => b.Sentences.Count);
                    return (comment, reading);
                });
            var comments = new Comment[tagged.Length];
            for (var i = 0; i < comments.Length; i++)
            {
                var c = page.RawComments[i];
                comments[i] = new Comment(c.Id, c.ParentId, c.Author, c.PublishedAt, tagged[i]);
            }

            // The title last, against the article as read against the whole page (its secret words included).
            var title = TitleReading.Level(page.Untagged.Title, knowledge, pageReading);
            // A headline that tells is no name for the work either: the work's name is shown where no safe title stands in.
            var work = title == SpoilerLevel.None ? page.Untagged.Work
                : WorkRef.Of(WorkTitle.Safe(page.Untagged.Work.Title, page.Untagged.Title, name => TitleReading.Level(name, knowledge, pageReading) == SpoilerLevel.None));
            return page.Untagged with { Blocks = blocks, Comments = comments, TitleLevel = title, Work = work };
        });
    }

    private static T Guard<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (ExtractionException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bad page fails its own job with a reason; it never takes the scraper down with an unexpected type.
            throw new ExtractionException($"page could not be processed ({e.GetType().Name}: {e.Message})");
        }
    }

    private static ExtractedReview Read(string html, Uri url)
    {
        var document = HtmlLoader.Load(html);
        var hints = new ClassHintCache(ExpectedElements(html));
        try
        {
            return Read(html, url, document, hints);
        }
        finally
        {
            hints.Forget();
        }
    }

    private static ExtractedReview Read(string html, Uri url, HtmlDocument document, ClassHintCache hints)
    {
        var body = ArticleExtractor.FindBody(document);
        // The metadata scan and the comment finder share one walk over the page; scoring follows once comments are out.
        var finder = new CommentExtractor(hints);
        var metadata = MetadataResolver.Resolve(PageWalk.Run(document, hints, finder, body), url);

        finder.ArticlePosted = metadata.PublishedAt;
        var rawComments = RemoveComments(finder, finder.Finish());
        var article = ArticleTop.Tidy(ArticleExtractor.Extract(body, hints, out var mode, out var badge), metadata.Title, out var bylineAuthor, out var bylineDate);
        if (article.Blocks.Count == 0)
        {
            article = Fallback(html, hints);
            mode = ExtractionMode.Fallback;
        }
        else if (badge is not null)
        {
            article = SpoilerBadge.Lead(article, badge);
        }

        var untagged = new Review
        {
            Url = metadata.Url,
            Title = metadata.Title,
            Author = metadata.Author ?? bylineAuthor,
            PublishedAt = UrlDate.Reconcile(metadata.PublishedAt ?? bylineDate, metadata.Url),
            SiteName = metadata.SiteName,
            Language = metadata.Language,
            Work = WorkRef.Of(WorkTitle.From(metadata.ItemReviewed, metadata.Title, article.Blocks.Select(b => b.Text), metadata.Url)),
            Rating = RatingFinder.Find(metadata.Rating, article.Blocks) ?? HeadlineRating.Find(metadata.Title),
            Extraction = mode,
            Blocks = [],
            Comments = [],
        };
        return new ExtractedReview(finder.WithOpeningPoster(untagged), article, rawComments);
    }

    // About one element with attributes per 160 characters of HTML on the dev sets' pages.
    private static int ExpectedElements(string html) => Math.Min(html.Length / 160, 20_000);

    /// <summary>Takes the comment threads read by <paramref name="extractor"/> out of the page, so the article never holds them.</summary>
    private static IReadOnlyList<RawComment> RemoveComments(CommentExtractor extractor, IReadOnlyList<RawComment> comments)
    {
        foreach (var container in extractor.Containers)
        {
            container.Remove();
        }

        return comments;
    }

    /// <summary>
    /// No container read as an article: the page's best text region instead. The article pass removed what it judged
    /// clutter from its document, so the fallback reads the page afresh (rare, so the second parse costs little).
    /// </summary>
    private static ExtractedText Fallback(string html, ClassHintCache hints)
    {
        var body = ArticleExtractor.FindBody(HtmlLoader.Load(html));
        var finder = new CommentExtractor(hints);
        RemoveComments(finder, finder.Extract(body));
        var text = FallbackText.Extract(body, hints);
        return text.Blocks.Count > 0 ? text : throw new ExtractionException("no readable text found");
    }
}

/// <summary>A page read by <see cref="ReviewPipeline.Extract"/> and not yet spoiler-tagged.</summary>
public sealed class ExtractedReview
{
    internal ExtractedReview(Review untagged, ExtractedText article, IReadOnlyList<RawComment> rawComments)
    {
        Untagged = untagged;
        Article = article;
        RawComments = rawComments;
    }

    /// <summary>The work the page reviews: the title its knowledge is stored under.</summary>
    public WorkRef Work => Untagged.Work;

    /// <summary>The page's canonical URL.</summary>
    public string Url => Untagged.Url;

    internal Review Untagged { get; }

    /// <summary>
    /// The review's text without spoiler tagging, for extraction-only tools (<c>nlmg extract --no-spoilers</c>): every
    /// block carries <see cref="SpoilerTag.Clean"/>, which here means "not tagged", never "safe to show".
    /// </summary>
    public Review WithoutTagging() => Untagged with
    {
        Blocks = Untag(Article),
        Comments = RawComments.Select(c => new Comment(c.Id, c.ParentId, c.Author, c.PublishedAt, Untag(c.Text))).ToArray(),
    };

    private static Block[] Untag(ExtractedText text) =>
        text.Blocks.Select((b, i) => new Block(i, b.Kind, b.Text, SpoilerTag.Clean)).ToArray();

    internal ExtractedText Article { get; }

    internal IReadOnlyList<RawComment> RawComments { get; }
}
