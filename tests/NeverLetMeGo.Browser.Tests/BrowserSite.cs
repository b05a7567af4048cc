using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NeverLetMeGo.Api;
using NeverLetMeGo.Core;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using NeverLetMeGo.Testing;
using Npgsql;

namespace NeverLetMeGo.Browser.Tests;

/// <summary>The real API on 127.0.0.1 over a fresh database with one tagged review, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string Secret = "MAJOR-SECRET Tommy completes after his fourth donation.";
    public const string Visible = "The acting is superb and the pacing is patient.";
    public const string Opinion = "The last act is the best thing in it.";
    public const string SentenceSecret = "SENTENCE-SECRET Ruth completes in the recovery centre.";
    public const string CommentSecret = "COMMENT-SECRET Kathy becomes a carer.";
    public const string Comment = "I loved the score.";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public long ReviewId { get; private set; }
    public long WorkId { get; private set; }
    public long PagedWorkId { get; private set; }

    /// <summary>Sorts after "Never Let Me Go", so the first work in the list stays the one with spoilers.</summary>
    public const string PagedWork = "Paged Film";
    public const int PagedReviews = 52;

    public async Task InitializeAsync()
    {
        _app = await ApiApp.BuildAsync([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = await PostgresServer.CreateDatabaseAsync(),
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
        var saved = await SeedAsync(_app.Services.GetRequiredService<NpgsqlDataSource>());
        (ReviewId, WorkId) = (saved.ReviewId, saved.WorkId);
        PagedWorkId = await SeedPagedWorkAsync(_app.Services.GetRequiredService<NpgsqlDataSource>());

        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>More reviews of one work than a page of the list holds.</summary>
    private static async Task<long> SeedPagedWorkAsync(NpgsqlDataSource db)
    {
        var store = new ReviewStore(db);
        SaveResult? saved = null;
        for (var i = 0; i < PagedReviews; i++)
        {
            var review = new Review
            {
                Url = $"https://reviews.example/paged/{i}",
                Title = $"Paged review {i:00}",
                Author = "Pager",
                PublishedAt = new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i),
                SiteName = "Test Reviews",
                Work = new WorkRef(PagedWork),
                Rating = null,
                Blocks = [new Block(0, BlockKind.Paragraph, $"Opinion number {i}.", SpoilerTag.Clean)],
                Comments = [],
            };
            saved = await store.SaveAsync(review, ContentHash.Compute(review), DateTimeOffset.UtcNow, CancellationToken.None);
        }

        return saved!.WorkId;
    }

    private static async Task<SaveResult> SeedAsync(NpgsqlDataSource db)
    {
        var review = new Review
        {
            Url = "https://reviews.example/browser",
            Title = "A review of Never Let Me Go",
            Author = "Test Critic",
            PublishedAt = new DateTimeOffset(2010, 9, 20, 12, 0, 0, TimeSpan.Zero),
            SiteName = "Test Reviews",
            Work = new WorkRef("Never Let Me Go"),
            Rating = null,
            Blocks =
            [
                new Block(0, BlockKind.Paragraph, Visible, SpoilerTag.Clean),
                new Block(1, BlockKind.Paragraph, "Spoiler alert: the rest discusses the plot.", new SpoilerTag(SpoilerLevel.None, true, 0, ["author spoiler warning"])),
                new Block(2, BlockKind.Paragraph, Secret, new SpoilerTag(SpoilerLevel.Major, false, 0.9, ["after the author's spoiler warning"])),
                new Block(3, BlockKind.Paragraph, Opinion + " " + SentenceSecret, new SpoilerTag(SpoilerLevel.Major, false, 0.9, ["model: 0.90"]))
                {
                    Sentences = [new(0, Opinion.Length, SpoilerLevel.None), new(Opinion.Length + 1, Opinion.Length + 1 + SentenceSecret.Length, SpoilerLevel.Major)],
                },
            ],
            Comments =
            [
                new Comment("c1", null, "Ann", new DateTimeOffset(2010, 9, 21, 8, 0, 0, TimeSpan.Zero), [new Block(0, BlockKind.Paragraph, Comment, SpoilerTag.Clean)]),
                new Comment("c2", "c1", "Ben", null, [new Block(0, BlockKind.Paragraph, CommentSecret, new SpoilerTag(SpoilerLevel.Major, false, 1, ["marked as spoiler in the page"]))]),
            ],
        };
        return await new ReviewStore(db).SaveAsync(review, ContentHash.Compute(review), DateTimeOffset.UtcNow, CancellationToken.None);
    }
}
