using System.Globalization;

namespace NeverLetMeGo.Worker.Politeness;

/// <summary>
/// The robots.txt rules that apply to one user agent (RFC 9309): the group naming our product token, else the "*" group.
/// The longest matching pattern wins and Allow wins a tie; '*' matches any run of characters and '$' anchors the end.
/// </summary>
internal sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Everything refused (robots.txt unreachable with a server error, RFC 9309 §2.3.1.4).</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                // Consecutive user-agent lines share one group.
                if (!lastWasAgent || current is null)
                {
                    current = ([], [], null);
                    groups.Add(current.Value);
                }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null)
                continue;
            switch (key)
            {
                case "allow" or "disallow" when value.Length > 0:
                    current.Value.Rules.Add((value, key == "allow"));
                    break;
                case "crawl-delay" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0:
                    var index = groups.Count - 1;
                    groups[index] = groups[index] with { Delay = TimeSpan.FromSeconds(Math.Min(seconds, 3600)) };
                    current = groups[index];
                    break;
            }
        }

        // Our group names our product token (RFC 9309 §2.2.1), case aside and a version after '/' left out; a piece of the
        // token ("go", "me") names another crawler.
        var token = productToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && string.Equals(a.Split('/')[0].Trim(), token, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0)
            mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        // Several groups for the same agent are merged (RFC 9309 §2.2.1).
        var rules = mine.SelectMany(g => g.Rules).ToList();
        var delay = mine.Select(g => g.Delay).FirstOrDefault(d => d is not null);
        return new RobotsRules(rules, delay);
    }

    /// <summary>Whether <paramref name="pathAndQuery"/> (e.g. "/a/b?c=1") may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var path = Uri.UnescapeDataString(pathAndQuery);
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            var decoded = Uri.UnescapeDataString(pattern);
            if (!Matches(decoded, path))
                continue;
            if (decoded.Length > best || (decoded.Length == best && allow))
            {
                best = decoded.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
            return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            // The last part of an anchored pattern must sit at the very end; others match as early as possible.
            var found = anchored && i == parts.Length - 1
                ? (path.EndsWith(parts[i], StringComparison.Ordinal) && path.Length - parts[i].Length >= at ? path.Length - parts[i].Length : -1)
                : path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
                return false;
            at = found + parts[i].Length;
        }
        return !anchored || at == path.Length;
    }
}
