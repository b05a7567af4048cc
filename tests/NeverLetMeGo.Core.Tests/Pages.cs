using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Core.Tests;

/// <summary>Builds small but realistic pages around a snippet, so the extractor has an article to find.</summary>
internal static class Pages
{
    public static readonly Uri Url = new("https://reviews.example/2011/01/a-review/");

    /// <summary>Plain, warning-free review prose; enough of it that the article clearly wins over page furniture.</summary>
    public static readonly string[] Prose =
    [
        "The film moves slowly, and its patience is the point: every scene lets the actors breathe, and the quiet settings carry much of the feeling.",
        "Carey Mulligan gives a restrained, careful performance, while Andrew Garfield brings a nervous warmth that makes the story easier to follow.",
        "The photography favours grey skies, empty beaches and long corridors, which suits the mood of the novel, even if it sometimes feels studied.",
    ];

    public static string Article(string inner, string head = "", string around = "") => $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>A review | Reel Notes</title>{{head}}</head>
        <body>
        <div id="masthead" class="site-header"><a href="/">Reel Notes</a></div>
        <nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
        <div id="content">
        <article class="post"><div class="entry-content">
        {{inner}}
        </div></article>
        {{around}}
        </div>
        <footer class="site-footer"><p>Copyright Reel Notes. All rights reserved.</p></footer>
        </body></html>
        """;

    public static string ProseParagraphs() => string.Concat(Prose.Select(p => $"<p>{p}</p>\n"));

    public static Review Process(string html) => ReviewPipeline.Process(html, Url);

    public static IReadOnlyList<string> Texts(this Review review) => review.Blocks.Select(b => b.Text).ToArray();

    public static string AllText(this Review review) =>
        string.Join("\n", review.Blocks.Select(b => b.Text).Concat(review.Comments.SelectMany(c => c.Blocks).Select(b => b.Text)));
}
