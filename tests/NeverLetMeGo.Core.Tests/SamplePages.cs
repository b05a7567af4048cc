using System.Collections.Concurrent;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>The sample corpus, copied next to the test assembly (samples/) by the NeverLetMeGo.Testing project.</summary>
internal static class SamplePages
{
    public const string HubPages = "hubpages-never-let-me-go-meaning.html";
    public const string WordPress = "wordpress-never-let-me-go-psychology.html";
    public const string WordPressCom = "wordpresscom-never-let-me-go-long-story-short.html";
    public const string JumpBreakBlog = "blog-never-let-me-go-after-the-break.html";

    public static readonly string[] All = [HubPages, WordPress, WordPressCom, JumpBreakBlog];

    private static readonly ConcurrentDictionary<string, Review> Processed = new(StringComparer.Ordinal);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Read(string name)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Sample page {name} is missing from {Folder}; the NeverLetMeGo.Testing project copies samples/*.html there.", path);
        }

        return File.ReadAllText(path);
    }

    public static Uri FileUrl(string name) => new(Path.Combine(Folder, name));

    /// <summary>The processed review, computed once per test run (processing is pure, so sharing it is safe).</summary>
    public static Review Review(string name) => Processed.GetOrAdd(name, n => ReviewPipeline.Process(Read(n), FileUrl(n)));
}
