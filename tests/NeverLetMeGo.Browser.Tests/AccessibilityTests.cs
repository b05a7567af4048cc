using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Browser.Tests;

/// <summary>axe-core over every view of the sample corpus, light and dark, desktop and phone; and the README's screenshots.</summary>
public sealed class AccessibilityTests(SampleBrowserSite site) : IClassFixture<SampleBrowserSite>
{
    public static TheoryData<string, int, ColorScheme> Views => new()
    {
        { "/", 1280, ColorScheme.Light },
        { "/?work=1", 1280, ColorScheme.Light },
        { "/?work=1", 375, ColorScheme.Dark },
        { "/?work=1&review=3", 1280, ColorScheme.Dark },
        { "/?work=1&review=4", 375, ColorScheme.Light },
        { "/?q=donation", 1280, ColorScheme.Light },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_view_has_no_serious_or_critical_axe_findings(string path, int width, ColorScheme scheme)
    {
        var page = await NewPageAsync(width, scheme);
        await page.GotoAsync(site.BaseUrl + path);
        await page.Locator("#main h1").WaitForAsync();
        // Revealed text is part of what a reader sees too.
        if (await page.Locator("button[data-key='reveal-all']").CountAsync() > 0)
        {
            await page.Locator("button[data-key='reveal-all']").ClickAsync();
            await page.Locator("button[data-key='hide-all']:not([disabled])").WaitForAsync();
        }

        var result = await page.RunAxe();

        var findings = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_scan_finds_a_control_without_a_name_so_a_clean_result_means_something()
    {
        var page = await NewPageAsync(1280, ColorScheme.Light);
        await page.GotoAsync(site.BaseUrl + "/?work=1");
        await page.Locator("#main h1").WaitForAsync();
        await page.EvaluateAsync("() => document.querySelector('#main').append(document.createElement('button'))");

        var result = await page.RunAxe();

        Assert.Contains(result.Violations, v => v.Id == "button-name" && v.Impact is "serious" or "critical");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("none")]
    [InlineData("premise")]
    [InlineData("all")]
    public async Task No_sample_card_has_a_blank_excerpt_and_the_histogram_describes_its_bins(string tolerance)
    {
        var page = await NewPageAsync(1280, ColorScheme.Light);
        await page.GotoAsync(site.BaseUrl + "/?work=1");
        await page.Locator("#tolerance").SelectOptionAsync(tolerance);
        await Assertions.Expect(page.Locator("#status")).Not.ToBeEmptyAsync();
        var excerpts = await page.Locator(".card .excerpt").AllInnerTextsAsync();
        var explained = await page.Locator(".card .excerpt.empty").AllInnerTextsAsync();
        var description = await page.Locator("svg.histogram[role='img'] desc").TextContentAsync();

        Assert.Equal(4, excerpts.Count);
        Assert.All(excerpts, e => Assert.False(string.IsNullOrWhiteSpace(e)));
        Assert.All(explained, e => Assert.StartsWith("No spoiler-free excerpt: this review starts with its spoiler warning or a spoiler", e, StringComparison.Ordinal));
        Assert.Matches(@"^(\d+–\d+: \d+ reviews?(; )?)+$", description);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_is_readable_at_375_pixels_without_sideways_scrolling()
    {
        var page = await NewPageAsync(375, ColorScheme.Light);
        foreach (var path in new[] { "/", "/?work=1", "/?work=1&review=2", "/?q=donation" })
        {
            await page.GotoAsync(site.BaseUrl + path);
            await page.Locator("#main h1").WaitForAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 375px");
        }

        await page.Context.CloseAsync();
    }

    /// <summary>NLMG_UPDATE_SCREENSHOTS=1 rewrites docs/*.png from the running page; otherwise the shots are only taken.</summary>
    [Fact]
    public async Task Screenshots_of_the_work_and_a_review_at_1280_and_375_pixels()
    {
        var update = Environment.GetEnvironmentVariable("NLMG_UPDATE_SCREENSHOTS") == "1";
        foreach (var (name, path, width) in new[] { ("work", "/?work=1", 1280), ("review", "/?work=1&review=3", 1280), ("work", "/?work=1", 375), ("review", "/?work=1&review=3", 375) })
        {
            var page = await NewPageAsync(width, ColorScheme.Light);
            await page.GotoAsync(site.BaseUrl + path);
            await page.Locator("#main h1").WaitForAsync();
            var file = Path.Combine(RepositoryRoot.Path, "docs", $"{name}-{width}.png");
            var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false, Path = update ? file : null });
            Assert.True(shot.Length > 10_000, $"{name} at {width}px is a {shot.Length}-byte image");
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> NewPageAsync(int width, ColorScheme scheme)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width == 375 ? 812 : 900 },
            ColorScheme = scheme,
        });
        return await context.NewPageAsync();
    }
}
