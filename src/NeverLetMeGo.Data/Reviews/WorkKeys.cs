using System.Text;
using NeverLetMeGo.Core.Extraction.Metadata;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Reviews;

/// <summary>How works and sites are identified: by a normalized title and by host.</summary>
internal static class WorkKeys
{
    /// <summary>The title as it will be shown: trimmed, inner whitespace collapsed.</summary>
    public static string Title(string? title)
    {
        var collapsed = CollapseWhitespace(title ?? "");
        return collapsed.Length > 0 ? collapsed : throw new ArgumentException("A review must name its work.", nameof(title));
    }

    /// <summary>
    /// One key for "Never Let Me Go", "NEVER LET ME GO!" and "Never Let Me Go (2010)", so reviews of one film from
    /// different sites land on one work (Core's <see cref="WorkKey"/>); a title made only of punctuation keys as itself.
    /// </summary>
    public static string TitleKey(string title) =>
        WorkKey.For(title) is { Length: > 0 } key ? key : CollapseWhitespace(title).ToLowerInvariant();

    /// <summary>
    /// The key a review's work is stored under: its <paramref name="title"/>'s (as <see cref="Title"/> shows it), or, for
    /// a page that names no work, one of its own by the review's URL (title keys hold only letters, digits and spaces,
    /// so the two never meet).
    /// </summary>
    public static string Key(WorkRef work, string title, string url) => work.Named ? TitleKey(title) : "unnamed:" + url;

    /// <summary>The lower-cased host of a review URL; local files (the sample corpus) share the host "localhost".</summary>
    public static string Host(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new ArgumentException($"A review URL must be absolute: {url}", nameof(url));
        return string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.IdnHost.ToLowerInvariant();
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                    builder.Append(' ');
            }
            else
            {
                builder.Append(ch);
            }
        }
        return builder.ToString().TrimEnd();
    }
}
