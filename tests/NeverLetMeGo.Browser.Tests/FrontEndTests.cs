using Microsoft.Playwright;

namespace NeverLetMeGo.Browser.Tests;

public sealed class FrontEndTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_keyboard_reader_opens_a_work_and_a_review_reveals_a_spoiler_and_hides_it_again()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/");
        await page.Locator("a.work-link").First.WaitForAsync();

        await Keyboard.TabToAsync(page, "a.work-link");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#work-title")).ToBeFocusedAsync();
        await Keyboard.TabToAsync(page, "a.card-link");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#review-title")).ToBeFocusedAsync();
        var opened = await page.ContentAsync();
        await Keyboard.TabToAsync(page, ".review-body .spoiler-group button.reveal");
        var label = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".review-body .revealed-group")).ToContainTextAsync(BrowserSite.Secret);
        var hide = page.Locator(".review-body .revealed-group button.hide");
        await Assertions.Expect(hide).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".review-body .spoiler-group button.reveal")).ToBeFocusedAsync();

        Assert.EndsWith($"/?work={site.WorkId}&review={site.ReviewId}", page.Url, StringComparison.Ordinal);
        Assert.Contains(BrowserSite.Visible, opened, StringComparison.Ordinal);
        Assert.DoesNotContain("MAJOR-SECRET", opened, StringComparison.Ordinal);
        Assert.Equal("Reveal 1 paragraph (major spoiler)", label);
        Assert.DoesNotContain("MAJOR-SECRET", await page.Locator("#main").InnerHTMLAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_deep_link_loads_cold_and_back_and_reload_keep_the_reader_where_they_were()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?work={site.WorkId}&review={site.ReviewId}");
        await Assertions.Expect(page.Locator("#review-title")).ToHaveTextAsync("A review of Never Let Me Go");
        await page.Locator("nav.crumbs a", new() { HasText = "Never Let Me Go" }).ClickAsync();
        await Assertions.Expect(page.Locator("#work-title")).ToHaveTextAsync("Never Let Me Go");
        await page.Locator("a.card-link").First.ClickAsync();
        await Assertions.Expect(page.Locator("#review-title")).ToBeFocusedAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#work-title")).ToBeVisibleAsync();
        var workUrl = page.Url;
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#work-title")).ToBeVisibleAsync();
        await page.GoForwardAsync();
        await Assertions.Expect(page.Locator("#review-title")).ToBeVisibleAsync();

        Assert.EndsWith($"/?work={site.WorkId}", workUrl, StringComparison.Ordinal);
        Assert.Equal("A review of Never Let Me Go — NeverLetMeGo", await page.TitleAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_sentence_marker_reveals_only_its_own_sentences()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?review={site.ReviewId}");
        var partial = page.Locator("p.partial[data-index='3']");
        await Assertions.Expect(partial).ToContainTextAsync(BrowserSite.Opinion);
        var before = await page.ContentAsync();

        await partial.Locator("button.run").ClickAsync();
        await Assertions.Expect(partial.Locator("mark.run-revealed")).ToHaveTextAsync(BrowserSite.SentenceSecret);
        await Assertions.Expect(partial.Locator("button.run-hide")).ToBeFocusedAsync();

        Assert.DoesNotContain("SENTENCE-SECRET", before, StringComparison.Ordinal);
        Assert.Equal($"{BrowserSite.Opinion} {BrowserSite.SentenceSecret} hide", (await partial.InnerTextAsync()).Trim());
        Assert.DoesNotContain("MAJOR-SECRET", await page.ContentAsync(), StringComparison.Ordinal);
        await partial.Locator("button.run-hide").ClickAsync();
        await Assertions.Expect(partial.Locator("button.run")).ToBeFocusedAsync();
        Assert.DoesNotContain("SENTENCE-SECRET", await page.Locator("#main").InnerHTMLAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_tolerance_is_remembered_across_visits_and_changing_it_keeps_what_was_revealed()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?review={site.ReviewId}");
        await page.Locator(".review-body .spoiler-group button.reveal").ClickAsync();
        await Assertions.Expect(page.Locator(".review-body .revealed-group")).ToContainTextAsync(BrowserSite.Secret);

        await page.Locator("#tolerance").SelectOptionAsync("premise");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Spoiler setting: show premise, hide major.");
        await Assertions.Expect(page.Locator(".review-body .revealed-group")).ToContainTextAsync(BrowserSite.Secret);
        await page.Locator("button[data-key='hide-all']").ClickAsync();
        await Assertions.Expect(page.Locator(".spoiler-group")).ToHaveCountAsync(2);
        var later = await context.NewPageAsync();
        await later.GotoAsync($"{site.BaseUrl}/?work={site.WorkId}");
        await later.Locator("a.card-link").First.WaitForAsync();

        Assert.Equal("premise", await later.Locator("#tolerance").InputValueAsync());
        Assert.DoesNotContain("MAJOR-SECRET", await page.Locator("#main").InnerHTMLAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_are_masked_like_the_review_and_replies_sit_under_their_parent()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?review={site.ReviewId}");
        var reply = page.Locator(".thread .replies .comment");
        await Assertions.Expect(reply.Locator("button.reveal")).ToHaveTextAsync("Reveal this comment's major spoiler");
        var before = await page.ContentAsync();

        await reply.Locator("button.reveal").ClickAsync();
        await Assertions.Expect(reply.Locator("p.revealed")).ToHaveTextAsync(BrowserSite.CommentSecret);

        Assert.Contains(BrowserSite.Comment, before, StringComparison.Ordinal);
        Assert.DoesNotContain("COMMENT-SECRET", before, StringComparison.Ordinal);
        var indent = await reply.EvaluateAsync<double>("e => e.getBoundingClientRect().left");
        var parent = await page.Locator(".thread > .comment").First.EvaluateAsync<double>("e => e.getBoundingClientRect().left");
        Assert.True(indent > parent, $"reply at {indent}px, parent at {parent}px");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Cards_and_search_show_only_what_the_reader_may_see()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?work={site.WorkId}");
        await page.Locator("a.card-link").First.WaitForAsync();
        var cards = await page.Locator(".cards").InnerTextAsync();
        await page.Locator("#q").FillAsync("acting");
        await page.Locator("#q").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".hit mark").First).ToHaveTextAsync("acting");
        var hits = await page.Locator("#main").InnerHTMLAsync();
        await page.GotoAsync($"{site.BaseUrl}/?q=Tommy");
        await Assertions.Expect(page.Locator(".search-note")).ToHaveTextAsync("No matches in what your spoiler setting lets you read.");

        Assert.Contains(BrowserSite.Visible, cards, StringComparison.Ordinal);
        Assert.Contains("2 paragraphs hidden (major spoilers)", cards, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", cards, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", hits, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", await page.ContentAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Opening_a_reviews_html_in_a_tab_lands_on_the_reading_page_with_working_reveals()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/reviews/{site.ReviewId}?format=html");
        await Assertions.Expect(page.Locator("#review-title")).ToHaveTextAsync("A review of Never Let Me Go");
        await page.Locator(".review-body .spoiler-group button.reveal").ClickAsync();

        await Assertions.Expect(page.Locator(".review-body .revealed-group")).ToContainTextAsync(BrowserSite.Secret);
        Assert.EndsWith($"/?review={site.ReviewId}", page.Url, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_long_list_shows_a_page_and_more_reviews_on_request_with_focus_on_the_first_new_one()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync($"{site.BaseUrl}/?work={site.PagedWorkId}");
        var cards = page.Locator(".cards .card");
        await Assertions.Expect(cards).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("#reviews-heading")).ToHaveTextAsync($"Reviews ({BrowserSite.PagedReviews})");

        await page.Locator("button.more").ClickAsync();

        await Assertions.Expect(cards).ToHaveCountAsync(BrowserSite.PagedReviews);
        await Assertions.Expect(cards.Nth(50).Locator("a.card-link")).ToBeFocusedAsync();
        Assert.Equal(0, await page.Locator("button.more").CountAsync());
        Assert.Equal("Paged review 01", await cards.Nth(50).Locator("a.card-link").InnerTextAsync());
        Assert.Equal("Paged review 00", await cards.Nth(51).Locator("a.card-link").InnerTextAsync());
        await page.CloseAsync();
    }
}
