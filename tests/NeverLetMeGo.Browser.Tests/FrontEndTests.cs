using Microsoft.Playwright;

namespace NeverLetMeGo.Browser.Tests;

public sealed class FrontEndTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Hidden_text_is_absent_from_the_dom_until_revealed_by_keyboard()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/");
        await page.Locator("#reviews button.open-review").First.ClickAsync();
        var reveal = page.Locator(".nlmg-spoiler[data-index='2'] button.nlmg-reveal");
        await reveal.WaitForAsync();

        var before = await page.ContentAsync();
        var label = await reveal.TextContentAsync();
        await reveal.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var region = page.Locator(".nlmg-spoiler[data-index='2'] .nlmg-revealed");
        await Assertions.Expect(region).ToHaveTextAsync(BrowserSite.Secret);

        Assert.Contains(BrowserSite.Visible, before, StringComparison.Ordinal);
        Assert.DoesNotContain("MAJOR-SECRET", before, StringComparison.Ordinal);
        Assert.Equal("Spoiler (major) — reveal", label);
        Assert.Equal("true", await reveal.GetAttributeAsync("aria-expanded"));
        Assert.Contains(BrowserSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_paragraph_with_one_revealing_sentence_shows_the_rest_until_the_reader_reveals_the_whole()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?review={site.ReviewId}");
        var partial = page.Locator(".nlmg-spoiler[data-index='3']");
        await partial.Locator("button.nlmg-reveal").WaitForAsync();

        var before = await page.ContentAsync();
        await Assertions.Expect(partial.Locator(".nlmg-parts")).ToContainTextAsync(BrowserSite.Opinion);
        await Assertions.Expect(partial.Locator(".nlmg-hidden-run")).ToHaveTextAsync("[major spoiler hidden]");
        await partial.Locator("button.nlmg-reveal").ClickAsync();
        await Assertions.Expect(partial.Locator(".nlmg-revealed")).ToHaveTextAsync(BrowserSite.Opinion + " " + BrowserSite.SentenceSecret);

        Assert.DoesNotContain("SENTENCE-SECRET", before, StringComparison.Ordinal);
        Assert.False(await partial.Locator(".nlmg-parts").IsVisibleAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Choosing_a_tolerance_that_allows_the_spoiler_shows_it_and_the_list_shows_only_the_excerpt()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?review={site.ReviewId}");
        await page.Locator("button.nlmg-reveal").First.WaitForAsync();
        var list = await page.Locator("#reviews").InnerTextAsync();

        await page.Locator("#tolerance").SelectOptionAsync("all");
        await Assertions.Expect(page.Locator("#review")).ToContainTextAsync(BrowserSite.Secret);

        Assert.Contains(BrowserSite.Visible, list, StringComparison.Ordinal);
        Assert.DoesNotContain("MAJOR-SECRET", list, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("button.nlmg-reveal").CountAsync());
        await page.CloseAsync();
    }
}
