using NeverLetMeGo.Core.Extraction;
using NeverLetMeGo.Core.Extraction.Comments;
using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Ratings;
using NeverLetMeGo.Core.Spoilers;

namespace NeverLetMeGo.Core;

/// <summary>Pure entry point: HTML in, extracted and spoiler-tagged review out. No IO.</summary>
public static class ReviewPipeline
{
    /// <summary>Extracts article blocks, metadata, rating and comments from <paramref name="html"/> fetched from <paramref name="url"/>, then tags spoilers.</summary>
    /// <exception cref="ExtractionException">The page cannot be read as a review; the message says why.</exception>
    public static Review Process(string html, Uri url) => Process(html, url, knowledge: null);

    /// <summary>As <see cref="Process(string, Uri)"/>, with what is known of the work (its vocabulary and spoiler terms).</summary>
    /// <exception cref="ExtractionException">The page cannot be read as a review; the message says why.</exception>
    public static Review Process(string html, Uri url, WorkKnowledge? knowledge)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            return Run(html ?? string.Empty, url, knowledge);
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

    private static Review Run(string html, Uri url, WorkKnowledge? knowledge)
    {
        var document = HtmlLoader.Load(html);
        var hints = new ClassHintCache();
        var metadata = MetadataResolver.Resolve(PageScanner.Scan(document, hints), url);
        var body = ArticleExtractor.FindBody(document);

        var commentExtractor = new CommentExtractor(hints);
        var rawComments = commentExtractor.Extract(body);
        foreach (var container in commentExtractor.Containers)
        {
            container.Remove();
        }

        var article = ArticleTop.Tidy(ArticleExtractor.Extract(body, hints), metadata.Title, out var bylineAuthor);
        if (article.Blocks.Count == 0)
        {
            throw new ExtractionException("no article text found");
        }

        var tagger = SpoilerTagger.Default;
        return new Review
        {
            Url = metadata.Url,
            Title = metadata.Title,
            Author = metadata.Author ?? bylineAuthor,
            PublishedAt = metadata.PublishedAt,
            SiteName = metadata.SiteName,
            Language = metadata.Language,
            Work = new WorkRef(WorkTitle.From(metadata.ItemReviewed, metadata.Title)),
            Rating = RatingFinder.Find(metadata.Rating, article.Blocks),
            Blocks = tagger.Tag(article, knowledge),
            Comments = rawComments.Select(c => new Comment(c.Id, c.ParentId, c.Author, c.PublishedAt, tagger.Tag(c.Text, knowledge))).ToArray(),
        };
    }
}
