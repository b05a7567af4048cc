using System.Globalization;
using System.Text;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Core.Ratings;

namespace NeverLetMeGo.Bench.Perf;

/// <summary>
/// Deterministic synthetic reviews: review i is the same on every run. Even reviews go to one popular work (half the
/// corpus: 50,000 of 100,000), reviews 1, 3, …, 19 to a small work (exactly 10), the rest to the other works with a
/// skew towards the first ones, as real catalogues have.
/// </summary>
internal static class Corpus
{
    public const int HotWork = 0;
    public const int SmallWork = 1;
    public const int SmallWorkReviews = 10;
    private const int Sites = 300;

    private static readonly string[] Adjectives =
    [
        "Silent", "Broken", "Golden", "Hidden", "Last", "Crimson", "Distant", "Quiet", "Frozen", "Burning",
        "Hollow", "Wandering", "Secret", "Lonely", "Fading", "Electric", "Ancient", "Painted", "Restless", "Shattered",
        "Velvet", "Midnight", "Paper", "Iron", "Glass", "Northern", "Forgotten", "Endless", "Sleeping", "Savage",
        "Gentle", "Bitter", "Lucky", "Pale", "Wild", "Silver", "Second", "Little", "Dark", "Open",
    ];

    private static readonly string[] Nouns =
    [
        "Harbour", "Garden", "Corridor", "River", "Orchard", "Lighthouse", "Kingdom", "Summer", "Station", "Mirror",
        "Promise", "Forest", "Letter", "Season", "Country", "Empire", "Island", "Window", "Machine", "Winter",
        "Bridge", "Tower", "Valley", "Shadow", "Carnival", "Frontier", "Archive", "Memory", "Orchestra", "Voyage",
        "Engine", "Meadow", "Theatre", "Citadel", "Compass", "Lantern", "Canyon", "Chapel", "Harvest", "Signal",
        "Horizon", "Road", "City", "House", "Sea", "Garden Party", "Experiment", "Inheritance", "Witness", "Hunt",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "th", "ru", "mi", "lo", "ve", "sa", "dor", "el", "an", "tor", "is", "mar", "qu", "en", "li", "bra", "os",
        "fen", "ul", "ri", "ga", "hel", "ny", "zo", "pe", "ca", "ste", "vin", "ar",
    ];

    // Plain review prose: opinion words, film and book vocabulary, plot verbs for the spoiler paragraphs.
    private static readonly string[] Opinion =
    [
        "the", "film", "novel", "story", "really", "quite", "beautifully", "shot", "acting", "performance", "pacing",
        "script", "dialogue", "score", "camera", "writing", "chapter", "scene", "character", "tone", "mood", "slow",
        "moving", "honest", "uneven", "brilliant", "tedious", "gorgeous", "restrained", "ambitious", "familiar", "fresh",
        "I", "think", "felt", "found", "loved", "wanted", "expected", "recommend", "watch", "read", "again", "more",
        "less", "than", "that", "this", "with", "without", "and", "but", "because", "although", "its", "an", "a",
        "of", "in", "on", "at", "for", "from", "about", "every", "some", "most", "many", "few", "first", "second",
        "half", "act", "ending", "opening", "direction", "director", "author", "adaptation", "book", "cast", "ensemble",
        "visual", "sound", "music", "cinematography", "editing", "theme", "themes", "memory", "loss", "love", "hope",
        "childhood", "school", "friendship", "grief", "time", "world", "quietly", "never", "always", "perhaps",
    ];

    private static readonly string[] Plot =
    [
        "dies", "discovers", "reveals", "betrays", "escapes", "kills", "marries", "learns", "confesses", "returns",
        "finally", "secretly", "truth", "twist", "ending", "death", "sister", "brother", "father", "mother", "donation",
        "murderer", "turns", "out", "was", "is", "had", "been", "all", "along", "after", "before", "when", "last",
        "scene", "final", "chapter", "reveal", "dream", "real", "never", "woke", "survives", "leaves", "behind",
    ];

    private static readonly string[] RatingTexts =
    [
        "3/4 stars", "2.5/4 stars", "4/5", "3.5/5 stars", "7/10", "8.5/10", "6/10", "82/100", "64/100",
        "Grade: B+", "Grade: A-", "Grade: C", "4 out of 5", "2 out of 4", "9/10", "1.5/5 stars",
    ];

    private static readonly string[] Authors =
    [
        "Ann Marsh", "J. Okafor", "filmfan88", "Priya N.", "Tomasz Lis", "The Reel Critic", "M. Duarte", "bookworm_kate",
        "Henrik Dahl", "Yuki Mori", "S. Abernathy", "Lena Vogel", "R. Castellanos", "midnightreader", "Omar Haddad",
    ];

    public static int WorkOf(int review)
    {
        if (review % 2 == 0)
            return HotWork;
        if (review < 2 * SmallWorkReviews)
            return SmallWork;
        var u = Hash(review, 7) / (double)uint.MaxValue;
        return 2 + Math.Min(1997, (int)(1998 * u * u));
    }

    public static string WorkTitle(int work) =>
        $"The {Adjectives[work % Adjectives.Length]} {Nouns[work / Adjectives.Length % Nouns.Length]}";

    /// <summary>Three character names per work: what readers search for.</summary>
    public static string[] Names(int work)
    {
        var rng = new Random(1_000_003 * (work + 1));
        return [Name(rng), Name(rng), Name(rng)];
    }

    public static Review Review(int i)
    {
        var rng = new Random(i * 31 + 17);
        var work = WorkOf(i);
        var names = Names(work);
        var title = WorkTitle(work);
        var site = i % Sites;
        var published = new DateTimeOffset(2005, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(rng.Next(0, 11_000_000));
        var blocks = ReviewBlocks(rng, names, title);
        return new Review
        {
            Url = string.Create(CultureInfo.InvariantCulture, $"https://site{site}.example/{published:yyyy/MM}/review-{i}"),
            Title = $"{title}: {Pick(rng, Opinion)} {Pick(rng, Opinion)} review",
            Author = Pick(rng, Authors),
            PublishedAt = rng.Next(20) == 0 ? null : published,
            SiteName = string.Create(CultureInfo.InvariantCulture, $"Site {site} Reviews"),
            Work = new WorkRef(title),
            Rating = rng.Next(2) == 0 ? null : RatingParser.Parse("Rating: " + Pick(rng, RatingTexts)),
            Blocks = blocks,
            Comments = Comments(rng, names, published),
        };
    }

    private static List<Block> ReviewBlocks(Random rng, string[] names, string title)
    {
        var count = rng.Next(10, 61);
        // Profiles: 40% clean, 35% drifting into premise then major spoilers, 25% with an author warning then majors.
        var profile = rng.Next(100);
        var warningAt = profile >= 75 ? rng.Next(count / 3, count) : -1;
        var blocks = new List<Block>(count);
        for (var b = 0; b < count; b++)
        {
            var position = b / (double)count;
            SpoilerTag tag;
            string text;
            if (b == warningAt)
            {
                tag = new SpoilerTag(SpoilerLevel.None, true, 0.99, ["author's spoiler warning"]);
                text = "Spoiler alert! There are spoilers after the break, so stop here if you have not seen it.";
            }
            else
            {
                var level = Level(rng, profile, position, warningAt >= 0 && b > warningAt);
                tag = level switch
                {
                    SpoilerLevel.None => SpoilerTag.Clean,
                    SpoilerLevel.Premise => new SpoilerTag(level, false, 0.5 + rng.NextDouble() / 4, ["model: premise"]),
                    _ => new SpoilerTag(level, false, 0.75 + rng.NextDouble() / 4,
                        [warningAt >= 0 ? "after the author's spoiler warning" : "model: major"]),
                };
                text = b % 9 == 0 ? Heading(rng, title) : Paragraph(rng, names, level, 15, 90);
            }
            var kind = b % 9 == 0 && b != warningAt ? BlockKind.Heading : rng.Next(12) == 0 ? BlockKind.Quote : BlockKind.Paragraph;
            blocks.Add(new Block(b, kind, text, tag));
        }
        return blocks;
    }

    private static SpoilerLevel Level(Random rng, int profile, double position, bool afterWarning)
    {
        if (afterWarning)
            return rng.Next(5) == 0 ? SpoilerLevel.Premise : SpoilerLevel.Major;
        if (profile < 40)
            return rng.Next(10) == 0 ? SpoilerLevel.Premise : SpoilerLevel.None;
        if (profile < 75)
        {
            return position < 0.3 ? SpoilerLevel.None
                : position < 0.7 ? (rng.Next(2) == 0 ? SpoilerLevel.Premise : SpoilerLevel.None)
                : (rng.Next(3) == 0 ? SpoilerLevel.None : SpoilerLevel.Major);
        }
        return rng.Next(6) == 0 ? SpoilerLevel.Premise : SpoilerLevel.None;
    }

    private static List<Comment> Comments(Random rng, string[] names, DateTimeOffset published)
    {
        var count = rng.Next(0, 41);
        var comments = new List<Comment>(count);
        for (var c = 0; c < count; c++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"comment-{c}");
            var parent = c > 0 && rng.Next(10) < 3 ? string.Create(CultureInfo.InvariantCulture, $"comment-{rng.Next(c)}") : null;
            var blocks = new List<Block>();
            for (var b = rng.Next(1, 3); b > 0; b--)
            {
                var level = rng.Next(8) == 0 ? SpoilerLevel.Major : rng.Next(8) == 0 ? SpoilerLevel.Premise : SpoilerLevel.None;
                var tag = level == SpoilerLevel.None ? SpoilerTag.Clean : new SpoilerTag(level, false, 0.8, ["model: " + level.ToWireName()]);
                blocks.Add(new Block(blocks.Count, BlockKind.Paragraph, Paragraph(rng, names, level, 6, 50), tag));
            }
            comments.Add(new Comment(id, parent, Pick(rng, Authors), published.AddHours(rng.Next(1, 5000)), blocks));
        }
        return comments;
    }

    private static string Heading(Random rng, string title) => $"{Capital(Pick(rng, Opinion))} {Pick(rng, Opinion)} in {title}";

    private static string Paragraph(Random rng, string[] names, SpoilerLevel level, int minWords, int maxWords)
    {
        var words = rng.Next(minWords, maxWords + 1);
        var text = new StringBuilder(words * 7);
        var sentence = 0;
        for (var w = 0; w < words; w++)
        {
            var word = rng.Next(12) == 0 ? names[rng.Next(names.Length)]
                : level == SpoilerLevel.Major && rng.Next(3) == 0 ? Pick(rng, Plot)
                : Pick(rng, Opinion);
            if (text.Length > 0)
                text.Append(' ');
            text.Append(sentence == 0 ? Capital(word) : word);
            if (++sentence >= 8 && rng.Next(5) == 0)
            {
                text.Append('.');
                sentence = 0;
            }
        }
        if (sentence > 0)
            text.Append('.');
        return text.ToString();
    }

    private static string Name(Random rng)
    {
        var name = new StringBuilder();
        for (var s = rng.Next(2, 4); s > 0; s--)
            name.Append(Syllables[rng.Next(Syllables.Length)]);
        return Capital(name.ToString());
    }

    private static string Capital(string word) => word.Length == 0 || char.IsUpper(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Pick(Random rng, string[] words) => words[rng.Next(words.Length)];

    private static uint Hash(int value, int salt)
    {
        var x = (uint)value * 2654435761u ^ (uint)salt * 40503u;
        x ^= x >> 15;
        x *= 2246822519u;
        x ^= x >> 13;
        return x;
    }
}
