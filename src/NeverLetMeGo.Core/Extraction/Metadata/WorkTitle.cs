using System.Text.RegularExpressions;

namespace NeverLetMeGo.Core.Extraction.Metadata;

/// <summary>
/// Names the work a review is about: schema.org itemReviewed when present; else a quoted title inside the headline
/// (Meaning in the Movie "Never Let Me Go"); else what follows "review of" anywhere in the headline ("Great ending - User
/// review of W (2019)"); else the headline's part before a colon or dash, without a closing "review by X" or an essay's
/// frame ("Thoughts on W", "W at 25"); else, given the article's text, the headline's first words when the article uses
/// them as a name ("W and the …", "W's …", see WorkTitle.Named.cs); else the headline.
/// Review prefixes ("Movie review:") and suffixes ("review", "(2010)", "- User Reviews") are removed.
/// </summary>
internal static partial class WorkTitle
{
    public static string? From(string? itemReviewed, string? headline)
    {
        if (Clean(itemReviewed) is { Length: > 0 } reviewed)
        {
            return reviewed;
        }

        // A verdict at the end of the headline ("W (4/5)", "W review – ★★★★☆") is not part of the work's name.
        var title = Ratings.HeadlineRating.WithoutRating(TextBuffer.Normalize(headline));
        if (title.Length == 0)
        {
            return null;
        }

        var quoted = Quoted().Match(title);
        if (!quoted.Success && ReviewWord().IsMatch(title))
        {
            // In a headline that says it is a review; elsewhere single marks quote words ("Fred Willard on 'Lewd Conduct'").
            quoted = SingleQuoted().Match(title);
        }

        if (quoted.Success)
        {
            return Clean(quoted.Groups["title"].Value) is { Length: > 0 } q ? q : title;
        }

        if (ReviewOf(title) is { Length: > 0 } named)
        {
            return named;
        }

        // A discussion thread names its work after its tags and frame: "[Spoilers] Official Discussion - Oppenheimer : r/movies";
        // a trope wiki after the medium's namespace: "Film / Never Let Me Go".
        var stripped = ReviewPrefix().Replace(ReviewBy().Replace(DiscussionFrame().Replace(MediaNamespace().Replace(title, string.Empty), string.Empty), string.Empty), string.Empty);
        var cut = Separator().Match(stripped);
        var head = cut.Success && cut.Index > 0 ? stripped[..cut.Index] : stripped;
        // An episode's page names its show first: "The Last of Us season 1, episode 3 recap", "Severance S02E05 review".
        var work = Clean(EssayFrame().Replace(EpisodeTail().Replace(head, string.Empty), string.Empty));
        if (stripped.Length < title.Length || ReviewSuffix().IsMatch(head))
        {
            // Labelled a review ("Book review: W by A", "W by A review – …", "Critique : W, de A"): what follows "by" is
            // the work's maker, named as reviews of books and films name them.
            work = Clean(MakerCredit().Replace(work, string.Empty));
        }

        return work.Length > 0 ? work : title;
    }

    /// <summary>
    /// The work after "review(s) of", up to a separator, a year in parentheses or a reviewer ("… of W (2019) by jane",
    /// "… of W by Jane Doe"). "by" plus one capitalised word is kept: it may be the title's own ("Stand by Me").
    /// </summary>
    private static string? ReviewOf(string title)
    {
        var match = ReviewOfPattern().Match(title);
        if (!match.Success)
        {
            return null;
        }

        var work = match.Groups["work"].Value;
        var cut = Separator().Match(work);
        work = cut.Success && cut.Index > 0 ? work[..cut.Index] : work;
        var year = Year().Match(work);
        work = year.Success ? work[..(year.Index + year.Length)] : ReviewerSuffix().Replace(work, string.Empty);
        return Clean(work) is { Length: > 0 } clean ? clean : null;
    }

    private static string Clean(string? text)
    {
        var value = TextBuffer.Normalize(text);
        var previous = string.Empty;
        while (value != previous)
        {
            previous = value;
            value = ReviewPrefix().Replace(value, string.Empty);
            value = ReviewSuffix().Replace(value, string.Empty).Trim(' ', '"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', ':', '-', '\u2013', '\u2014', ',');
        }

        return value;
    }

    [GeneratedRegex(@"[\u201C""\u00AB\u201E](?<title>[^\u201C\u201D""\u00AB\u00BB\u201E]{2,120})[\u201D""\u00BB\u201C]")]
    private static partial Regex Quoted();

    // Headline style quotes titles in single marks ("Review: 'Past Lives' is a quiet heartbreaker", "‘Atonement’ review"):
    // an opening mark after a space, a colon or the start and before a capital, a closing one after a letter and before a
    // space or punctuation, so apostrophes ("Schindler's List", "don't") open or close nothing.
    [GeneratedRegex(@"(?<=^|[\s:(\[\u2013\u2014-])['\u2018](?<title>[\p{Lu}\p{N}](?:[^'\u2018\u2019]|(?<=\p{L})['\u2019](?=\p{L})){0,80}?[\p{L}\p{N}!?.)])['\u2019](?=$|[\s,.:;!?)\]\u2013\u2014-])")]
    private static partial Regex SingleQuoted();

    [GeneratedRegex(@"\b(?:review(?:ed|s)?|critique|cr[ií]tica|rese[nñ]a|recensione|recension|kritik|filmkritik|rezension)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewWord();

    [GeneratedRegex(@"^\s*(?:Film|Literature|Series|Anime|Manga|VideoGame|WesternAnimation|Animation|Theatre|ComicBook|Comics|WebComic|Webcomic|LightNovel|VisualNovel|Music|Radio|Podcast|WebOriginal|WebVideo|Franchise|TabletopGame|Pinball|Toys)\s*/\s*(?=\S)")]
    private static partial Regex MediaNamespace();

    // The English prefixes and their French, Spanish, Portuguese, Italian and German counterparts ("Critique :", "Reseña:",
    // "Crítica:", "Recensione:", "Kritik:", "Filmkritik:").
    [GeneratedRegex(@"^\s*(?:(?:(?:movie|film|book|dvd|blu-ray|tv|theatre|theater|concert|album|game)\s+)?review(?:ed)?|critique|cr[ií]tica|rese[nñ]a|recensione|recension|kritik|filmkritik|rezension)\s*(?:[:\-\u2013\u2014|]\s*|\s+of\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewPrefix();

    // A year, a medium, "[Review]" or an age certificate in brackets ("(12A)", "(PG-13)"), "review", "movie review & film
    // summary" at the end.
    [GeneratedRegex(@"\s*(?:[\(\[]\s*(?:\d{4}|film|movie|book|novel|review|U|PG|PG-13|12A?|15|18|NC-17|TV-(?:MA|14|PG|G|Y7?)|MA15\+|R18\+)\s*[\)\]]|(?:[:\-\u2013\u2014|]\s*)?(?:(?:a|the)\s+)?(?:movie|film|book|dvd|user|users'?|critics?'?|readers?'?)?\s*reviews?(?:\s*(?:&|and)\s*(?:film\s+|plot\s+)?summary)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewSuffix();

    // "User review of", "Review of", "Reviews of the film": the work is named right after.
    [GeneratedRegex(@"(?:^|\s)(?:(?:user|users'?|reader|readers'?|critic|critics'?|audience|customer|my|a|our)\s+)?reviews?\s+of\s+(?:the\s+(?:film|movie|book|novel|series|show)\s+)?(?<work>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewOfPattern();

    // "Moon (2009) review by Jonah Pell", "W - a review by jane": the review and its reviewer follow the work.
    [GeneratedRegex(@"\s*(?:[\-\u2013\u2014|\u2022]\s*)?(?:(?:a|the|my)\s+)?(?:(?:movie|film|book|user)\s+)?review\s+by\s+\S.{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewBy();

    // An essay's headline frames the work: "Thoughts on Carol", "Remembering Howards End", "The Sixth Sense at 25",
    // "Gone Girl, ten years on" (an anniversary, not "dies at 61"). Not "On": it starts titles ("On Chesil Beach", "On the Road"); "N years later" only after
    // a comma ("28 Years Later" is a film).
    [GeneratedRegex(@"^\s*(?:(?:some|a\s+few|my|final|more|random|further|belated)\s+)?(?:thoughts|notes|reflections)\s+on\s+(?=\S)|^\s*(?:remembering|revisiting|rewatching|re-watching|rereading|re-reading|reconsidering|looking\s+back\s+at|a\s+second\s+look\s+at|in\s+praise\s+of|in\s+defen[cs]e\s+of)\s+(?=\S)|(?<=\S)(?:(?<!\b(?:dies|died|retires|retired|dead))\s+at\s+(?:10|15|20|25|30|40|50|60|70|75|80|90|100)|\s+turns\s+(?:10|15|20|25|30|40|50|60|70|75|80|90|100)|,\s*(?:\w+|\d+)\s+years\s+(?:on|later)|\s*,?\s+revisited)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EssayFrame();

    [GeneratedRegex(@"\s*[\(\[]\s*(?:19|20)\d{2}\s*[\)\]]")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<=\S)\s*[,:\-\u2013\u2014]?\s+(?:(?:season|series)\s+\d{1,2}\b|s\d{1,2}\s*e\d{1,3}\b|(?:episode|ep\.)\s*\d{1,3}\b|(?:season|series)\s+(?:finale|premiere)\b).*$", RegexOptions.IgnoreCase)]
    private static partial Regex EpisodeTail();

    // Leading tags in brackets ("[Spoilers]", "(Discussion)", "[Review]"; not "(500) Days of Summer"), then a thread's frame
    // up to its separator ("Official Discussion -", "Post-Movie Discussion Thread:", "Discussion thread for").
    [GeneratedRegex(@"^(?:\s*[\[\(]\s*(?:(?:major|minor|heavy|mild|no|full)\s+)?(?:spoilers?|spoiler[-\s]free|discussion|review|spoiler\s+review|serious|meta)\s*[\]\)])*\s*(?:(?:(?:official|spoilers?|post[-\s]?(?:episode|movie|film|release|credits)|live|pre[-\s]?release)\s+)*discussion(?:\s+(?:thread|post|megathread))?\s*(?::\s*|\s[\-\u2013\u2014|]\s*|\s+(?:for|of|on|about)\s+)(?=\S))?", RegexOptions.IgnoreCase)]
    private static partial Regex DiscussionFrame();

    // A handle (digits, underscores, all lower case) or a name of two or three capitalised words.
    [GeneratedRegex(@"\s+by\s+(?:@?(?=[\w.\-]*[\d_])[\w.\-]+|\p{Ll}[\p{Ll}.\-]*|\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){1,2})\s*$")]
    private static partial Regex ReviewerSuffix();

    // "by" and two or three capitalised words ("Stand by Me" keeps its one); the French, Spanish, Italian and German
    // credits only after a comma, since "de" and "di" also join the words of a title ("Le Comte de Monte Cristo").
    // A name may hold a lower-case particle ("Daphne du Maurier", "Vincent van Gogh") and an initial ("Ursula K. Le Guin").
    [GeneratedRegex(@"(?:,?\s+by|,\s*(?:de|di|von|par|door))\s+\p{Lu}[\p{L}.'\-]*(?:\s+(?:(?:de|du|da|di|del|della|van|von|der|den|ter|bin)\s+)?\p{Lu}[\p{L}.'\-]*){1,3}$")]
    private static partial Regex MakerCredit();

    [GeneratedRegex(@"\s*:\s+|\s+[\-\u2013\u2014|]\s+")]
    private static partial Regex Separator();
}
