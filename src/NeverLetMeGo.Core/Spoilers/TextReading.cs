using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// What tagging one text learned that the other texts of its page need (<see cref="RevealedTermSignal"/>):
/// <see cref="Revealed"/>, the stems of the rare words this text's hidden sentences used often enough to be its secret,
/// and <see cref="Revealing"/>, the stems of the rare words any of its revealing sentences used, even once.
/// </summary>
public sealed record TextReading(IReadOnlySet<string> Revealed, IReadOnlySet<string> Revealing)
{
    /// <summary>
    /// The level of the author's warned region still open where the text ends (no end marker, no spoiler-free heading
    /// after the warning): the comments below are read after the warning too, and inside it.
    /// </summary>
    public SpoilerLevel? OpenRegion { get; init; }

    public TextReading(IReadOnlySet<string> revealed)
        : this(revealed, revealed)
    {
    }

    public static TextReading Empty { get; } = new(new HashSet<string>());

    /// <summary>
    /// What a whole page keeps secret, from the readings of its article and its comments: whatever the article's reading
    /// holds, and each word that revealing sentences of at least three of the page's texts used. Commenters who each give
    /// the premise away once ("they harvest their organs", "organ failure is not a plot device") name it between them, and
    /// another comment that mentions it in passing ("I knew it was about organ donation") is as revealing, though no one
    /// text used the word twice. Two texts are not enough: on a page of a few texts, two revealing sentences often share a
    /// word of plain talk ("problem").
    /// </summary>
    public static TextReading OfPage(TextReading article, IReadOnlyList<TextReading> comments)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(comments);
        var secret = new HashSet<string>(article.Revealed, StringComparer.Ordinal);
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reading in comments.Prepend(article))
        {
            foreach (var word in reading.Revealing)
                texts[word] = texts.GetValueOrDefault(word) + 1;
        }

        foreach (var (word, count) in texts)
        {
            if (count >= 3)
                secret.Add(word);
        }

        return new TextReading(secret) { OpenRegion = article.OpenRegion };
    }
}
