using System.Globalization;
using System.Text.RegularExpressions;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Ratings;

/// <summary>
/// Reads a reviewer's rating from text: "3/4 stars", "3 out of 4", "7/10", "85/100", "★★★½", "*** 1/2", "3.5 stars",
/// "Grade: B+". A match counts only with rating context (rating, stars, score, grade, verdict, "long story short", …)
/// or when the text is mostly the rating itself, so dates (9/11, 1/5/2011), times and fractions in prose never match.
/// </summary>
public static partial class RatingParser
{
    private static readonly int[] Scales = [4, 5, 6, 10, 20, 100];

    /// <summary>The first rating in <paramref name="text"/> that has rating context; null when there is none.</summary>
    public static Rating? Parse(string text) => Find(text)?.Rating;

    /// <summary>How sure we are that the text's rating is a verdict: 3 the text is mostly the rating, 2 labelled, 1 context nearby.</summary>
    internal static (Rating Rating, int Strength)? Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000)
        {
            return null;
        }

        var candidates = Candidates(text).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        foreach (var candidate in candidates.OrderBy(c => c.Start).ThenByDescending(c => c.Length))
        {
            var strength = Strength(text, candidate);
            if (strength > 0)
            {
                return (candidate.Rating, strength);
            }
        }

        return null;
    }

    private static int Strength(string text, Candidate candidate)
    {
        if (IsMostly(text, candidate))
        {
            return 3;
        }

        if (candidate.Asterisks)
        {
            // Asterisks also mark footnotes and censored words: only a label right before them makes them a rating.
            return Label().IsMatch(text[..candidate.Start]) ? 2 : 0;
        }

        var before = text[Math.Max(0, candidate.Start - 40)..candidate.Start];
        if (Label().IsMatch(before))
        {
            return 2;
        }

        var from = text.Length <= 160 ? 0 : Math.Max(0, candidate.Start - 60);
        var to = text.Length <= 160 ? text.Length : Math.Min(text.Length, candidate.Start + candidate.Length + 60);
        return candidate.HasUnit || Context().IsMatch(text[from..to]) || ClosesAsSentence(text, candidate) ? 1 : 0;
    }

    /// <summary>
    /// "A great blockbuster that trusts its audience. 9/10": a score on a reviewer's scale that ends the paragraph as a
    /// sentence of its own is the verdict; a fraction inside a sentence ("runs 2/3 of its length") is not.
    /// </summary>
    private static bool ClosesAsSentence(string text, Candidate candidate)
    {
        if (candidate.Rating.Scale is not (4 or 5 or 10 or 20 or 100) || candidate.Asterisks)
        {
            return false;
        }

        var after = text.AsSpan(candidate.Start + candidate.Length).Trim();
        var before = text.AsSpan(0, candidate.Start).TrimEnd();
        return after.TrimStart(".!)]").IsEmpty && before.Length > 0 && before[^1] is '.' or '!' or '?' or '…';
    }

    private static bool IsMostly(string text, Candidate candidate)
    {
        var total = text.Count(char.IsLetterOrDigit);
        var inside = text.AsSpan(candidate.Start, candidate.Length).ToString().Count(char.IsLetterOrDigit);
        return total <= 4 || inside * 2 >= total || (text.Trim().Length <= 24 && candidate.HasUnit);
    }

    private static IEnumerable<Candidate> Candidates(string text)
    {
        // Most blocks hold no rating at all; cheap substring checks decide which patterns can possibly match.
        var span = text.AsSpan();
        var digits = span.IndexOfAnyInRange('0', '9') >= 0;
        var fraction = digits && span.Contains('/');
        var outOf = span.ContainsAny(OutOfWords);
        var stars = span.ContainsAny(StarWords);
        var glyphs = span.IndexOfAny(StarGlyphs) >= 0;
        var asterisks = span.Contains('*');
        var grade = span.IndexOfAnyInRange('A', 'F') >= 0 && (span.Trim().Length <= 4 || GradeWord().IsMatch(text));
        return (fraction || outOf || stars || glyphs || asterisks || grade)
            ? AllCandidates(text, fraction, outOf, stars, glyphs, asterisks, grade)
            : [];
    }

    // The same test as Contains(…, OrdinalIgnoreCase), vectorised: on text with non-ASCII letters, that Contains takes a
    // character-by-character path, asked of every block of every article.
    private static readonly System.Buffers.SearchValues<string> OutOfWords = System.Buffers.SearchValues.Create(["out of"], StringComparison.OrdinalIgnoreCase);
    private static readonly System.Buffers.SearchValues<string> StarWords = System.Buffers.SearchValues.Create(["star"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<char> StarGlyphs = System.Buffers.SearchValues.Create("\u2605\u2B50\u272D\u272E\u272F\u2606\u2729\u2730");

    private static IEnumerable<Candidate> AllCandidates(string text, bool fraction, bool outOf, bool stars, bool glyphs, bool asterisks, bool grade)
    {
        if (fraction)
        {
            foreach (Match m in Fraction().Matches(text))
            {
                if (Build(m, Number(m.Groups["v"].Value), Number(m.Groups["s"].Value), m.Groups["unit"].Success) is { } c)
                {
                    yield return c;
                }
            }
        }

        if (outOf)
        {
            foreach (Match m in OutOf().Matches(text))
            {
                var value = Number(m.Groups["v"].Value) + (m.Groups["half"].Success ? 0.5 : 0);
                if (Build(m, value, Number(m.Groups["s"].Value), m.Groups["unit"].Success) is { } c)
                {
                    yield return c;
                }
            }
        }

        if (stars)
        {
            foreach (Match m in Stars().Matches(text))
            {
                var value = Number(m.Groups["v"].Value) + (m.Groups["half"].Success ? 0.5 : 0);
                // "Three stars" may be actors: the word stars is not context by itself here.
                if (Build(m, value, 5, hasUnit: false) is { } c)
                {
                    yield return c;
                }
            }
        }

        if (glyphs)
        {
            foreach (Match m in Glyphs().Matches(text))
            {
                var full = m.Groups["full"].Value.EnumerateRunes().Count();
                var half = m.Groups["half"].Success ? 1 : 0;
                var empty = m.Groups["empty"].Value.EnumerateRunes().Count();
                var scale = m.Groups["s"].Success ? Number(m.Groups["s"].Value) : empty > 0 ? full + half + empty : 5;
                if (full + empty > 0 && Build(m, full + (half * 0.5), scale, hasUnit: true) is { } c)
                {
                    yield return c;
                }
            }
        }

        if (asterisks)
        {
            foreach (Match m in Asterisks().Matches(text))
            {
                var value = m.Groups["full"].Length + (m.Groups["half"].Success ? 0.5 : 0);
                var scale = m.Groups["s"].Success ? Number(m.Groups["s"].Value) : 5;
                if (Build(m, value, scale, hasUnit: false) is { } c)
                {
                    yield return c with { Asterisks = true };
                }
            }
        }

        if (grade)
        {
            foreach (Match m in Grade().Matches(text))
            {
                if (GradeLadder.PointsFor(m.Groups["g"].Value) is { } points)
                {
                    var g = m.Groups["g"];
                    var raw = g.Value.Replace(" ", string.Empty, StringComparison.Ordinal);
                    yield return new Candidate(g.Index, g.Length, new Rating(raw, points, 100, points), HasUnit: true);
                }
            }
        }
    }

    private static Candidate? Build(Match m, double value, double scale, bool hasUnit)
    {
        if (double.IsNaN(value) || double.IsNaN(scale) || !Scales.Contains((int)scale) || scale != Math.Floor(scale) || value < 0 || value > scale)
        {
            return null;
        }

        var normalized = Math.Round(value / scale * 100, 1, MidpointRounding.AwayFromZero);
        var raw = m.Value.Trim();
        return new Candidate(m.Index, m.Length, new Rating(raw, value, scale, normalized), hasUnit);
    }

    private static double Number(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        return t switch
        {
            "zero" => 0, "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5,
            "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
            "½" or "half a" or "a half" => 0.5,
            "a hundred" or "one hundred" => 100,
            _ => double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN,
        };
    }

    private sealed record Candidate(int Start, int Length, Rating Rating, bool HasUnit, bool Asterisks = false);

    private const string Word = "zero|one|two|three|four|five|six|seven|eight|nine|ten";
    private const string Half = @"(?<half>\s*\u00BD|\s+1/2|\s+and\s+a\s+half)";

    // A decimal comma as most of Europe writes it ("Note : 4,5/5", "7,5/10"); Number reads it as a point.
    [GeneratedRegex(@"(?<![\w/.,\-])(?<v>\d{1,3}(?:[.,]\d{1,2})?)\s?/\s?(?<s>\d{1,3})(?![\d/]|[.,]\d)(?<unit>\s*(?:stars?|points?|pts)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Fraction();

    [GeneratedRegex(@"(?<![\w.])(?<v>\d{1,3}(?:\.\d{1,2})?|" + Word + @")" + Half + @"?\s+(?:stars?\s+|points?\s+)?out\s+of\s+(?<s>\d{1,3}|four|five|six|ten|a\s+hundred|one\s+hundred)\b(?<unit>\s+(?:stars?|points?)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex OutOf();

    [GeneratedRegex(@"(?<![\w/.,])(?<v>\d(?:\.\d)?|" + Word + @"|half\s+a)" + Half + @"?(?:\s*-\s*|\s+)stars?\b(?!\s+out\s+of)", RegexOptions.IgnoreCase)]
    private static partial Regex Stars();

    [GeneratedRegex(@"(?=[\u2605\u2B50\u272D\u272E\u272F\u2606\u2729\u2730])(?<full>[\u2605\u2B50\u272D\u272E\u272F]{0,10})(?<half>\s*(?:\u00BD|1/2|\u2BEA|\u272C))?(?<empty>[\u2606\u2729\u2730]{0,10})(?:\s*(?:out\s+of|/)\s*(?<s>\d{1,2})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Glyphs();

    [GeneratedRegex(@"(?<![*\w])(?<full>\*{1,5})(?<half>\s*(?:\u00BD|1/2))?(?![*\w])(?:\s*(?:out\s+of|/)\s*(?<s>\d{1,2})\b)?")]
    private static partial Regex Asterisks();

    [GeneratedRegex(@"(?:(?i:\b(?:grade|graded|rating|verdict|score|mark)\s*(?:[:\-\u2013\u2014]\s*|\s))(?<g>[A-DF]\s?[+\-\u2212\u2013]?)(?![\w+\-\u2212])(?=\s*(?:$|[.,;:!?)(\[\u2013\u2014|]))|^\s*(?<g>[A-DF][+\-\u2212]?)\s*[.!]?\s*$)")]
    private static partial Regex Grade();

    [GeneratedRegex(@"grade|rating|verdict|score|mark", RegexOptions.IgnoreCase)]
    private static partial Regex GradeWord();

    [GeneratedRegex(@"\b(?:rating|rated|my\s+score|score|grade|verdict|long\s+story\s+short|bottom\s+line|in\s+short|overall|final\s+(?:thoughts|word|verdict|rating|score|grade)|tl;?dr|i\s+give\s+it|i'd\s+give\s+it|gave\s+it|note(?:\s+finale)?|nota|calificaci[oó]n|puntuaci[oó]n|valoraci[oó]n|bewertung|wertung|voto)\s*[:\-\u2013\u2014]?\s*(?:a\s+|an\s+|it\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"\b(?:ratings?|rated|rate|scores?|scored|grades?|graded|verdict|long\s+story\s+short|bottom\s+line|overall|tl;?dr|give\s+it|gave\s+it|giving\s+it)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Context();
}
