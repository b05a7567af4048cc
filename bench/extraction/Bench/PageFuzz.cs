using System.Globalization;
using System.Text;
using NeverLetMeGo.Core;

namespace NeverLetMeGo.Bench.Extraction;

/// <summary>
/// Feeds pages broken in the ways real pages break (cut short, tags lost or doubled, digits changed in dates, stray
/// control and direction characters, deep nesting) through the pipeline. A page may be refused with a reason; what must
/// never happen is an exception the pipeline did not mean: the pipeline reports those as "page could not be processed
/// (Type: …)", which is a bug in a rule, not a verdict on the page. Seeded, so a run is reproducible.
/// </summary>
internal static class PageFuzz
{
    private const string Unexpected = "page could not be processed (";

    public static int Run(TextWriter output, IReadOnlyList<(string Name, string Html)> pages, int rounds, int seed, bool tag)
    {
        var random = new Random(seed);
        var url = new Uri("https://bench.invalid/page");
        var tried = 0;
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        var bugs = new Dictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, html) in pages)
            {
                var kind = random.Next(Mutations.Length);
                var mutated = Mutations[kind](html, random);
                tried++;
                try
                {
                    var page = ReviewPipeline.Extract(mutated, url);
                    if (tag)
                    {
                        ReviewPipeline.Tag(page, knowledge: null);
                    }
                }
                catch (ExtractionException e) when (!e.Message.StartsWith(Unexpected, StringComparison.Ordinal))
                {
                    var reason = $"{e.Message} ({MutationNames[kind]})";
                    refused[reason] = refused.GetValueOrDefault(reason) + 1;
                }
                catch (Exception e)
                {
                    var key = e.Message.Length > 160 ? e.Message[..160] : e.Message;
                    bugs[key] = bugs.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, $"{name}, round {round}, mutation {MutationNames[kind]}");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tried} mutated pages (seed {seed}), {refused.Values.Sum()} refused with a reason, {bugs.Values.Sum(b => b.Count)} unexpected failures"));
        foreach (var (reason, count) in refused.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  {count,5} refused: {reason}");
        }

        foreach (var (message, (count, example)) in bugs.OrderByDescending(b => b.Value.Count))
        {
            output.WriteLine($"  {count,5} x {message}\n        first: {example}");
        }

        return bugs.Count == 0 ? 0 : 1;
    }

    private static readonly string[] MutationNames = ["cut", "drop-span", "repeat-span", "drop-closing", "stray-chars", "digits", "nest", "long-word"];

    private static readonly Func<string, Random, string>[] Mutations =
    [
        // Cut short: a download that stopped.
        (html, r) => html[..r.Next(html.Length + 1)],
        // A span lost in the middle, tags cut in half.
        (html, r) =>
        {
            var start = r.Next(html.Length);
            return html.Remove(start, Math.Min(html.Length - start, r.Next(1, 2000)));
        },
        // A span printed twice (a template's loop run again).
        (html, r) =>
        {
            var start = r.Next(html.Length);
            var span = html.Substring(start, Math.Min(html.Length - start, r.Next(1, 4000)));
            return html.Insert(start, span);
        },
        // Every closing tag of one element name lost.
        (html, r) => html.Replace(new[] { "</div>", "</p>", "</li>", "</ul>", "</span>", "</a>", "</article>", "</table>", "</td>", "</tr>" }[r.Next(10)], string.Empty, StringComparison.OrdinalIgnoreCase),
        // Control, zero-width, direction, lone surrogate and replacement characters sprinkled through the text.
        (html, r) =>
        {
            var stray = new[] { "\0", "\u200B", "\u200E", "\u202E", "\uFEFF", "\uFFFD", "\uD800", "\uDC00", "\u0085", "\u2028", "\t\t", "&#0;", "&#xD800;", "&", "<", ">", "&amp" };
            var text = new StringBuilder(html);
            for (var i = 0; i < 50 && text.Length > 0; i++)
            {
                text.Insert(r.Next(text.Length), stray[r.Next(stray.Length)]);
            }

            return text.ToString();
        },
        // Digits changed: dates, times, counts and ratings that say impossible things ("November 0", "31/02", "11/10").
        (html, r) =>
        {
            var chars = html.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsAsciiDigit(chars[i]) && r.Next(3) == 0)
                {
                    chars[i] = (char)('0' + r.Next(10));
                }
            }

            return new string(chars);
        },
        // The body wrapped in hundreds of levels (generated markup, a parser's own limit).
        (html, r) =>
        {
            var depth = r.Next(100, 2000);
            var at = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
            at = at < 0 ? 0 : Math.Max(at, html.IndexOf('>', at) + 1);
            return html[..at] + string.Concat(Enumerable.Repeat("<div>", depth)) + html[at..] + string.Concat(Enumerable.Repeat("</div>", depth));
        },
        // One word made enormous (a base64 blob, a run of dashes).
        (html, r) => html.Insert(html.Length == 0 ? 0 : r.Next(html.Length), new string(r.Next(2) == 0 ? '-' : 'x', r.Next(10_000, 200_000))),
    ];
}
