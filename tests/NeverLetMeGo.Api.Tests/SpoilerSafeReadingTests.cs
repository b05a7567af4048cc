using System.Net;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

public sealed class SpoilerSafeReadingTests(ApiServer api) : IClassFixture<ApiServer>
{
    private async Task<long> SeedAsync(string? title = null)
    {
        var review = TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}");
        return (await TestReviews.SaveAsync(api.Db, title is null ? review : review with { Title = title })).ReviewId;
    }

    [Fact]
    public async Task Omit_mode_leaves_hidden_blocks_out_and_still_counts_them()
    {
        var id = await SeedAsync();

        var response = await api.GetAsync($"/reviews/{id}?mask=omit");

        var review = response.Json;
        Assert.Equal("omit", review.GetProperty("mask").GetString());
        Assert.Equal(2, review.GetProperty("hiddenBlocks").GetInt32());
        Assert.Equal([0, 1, 4], review.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("index").GetInt32()));
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_mode_gives_every_hidden_block_the_same_fixed_text()
    {
        var id = await SeedAsync();

        var response = await api.GetAsync($"/reviews/{id}?mask=redact");

        var blocks = response.Json.GetProperty("blocks");
        Assert.Equal("[spoiler redacted]", blocks[2].GetProperty("text").GetString());
        Assert.Equal(blocks[2].GetProperty("text").GetString(), blocks[3].GetProperty("text").GetString());
        Assert.True(blocks[3].GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sentences_mode_shows_the_opinion_of_a_spoiler_paragraph_and_nothing_of_its_reveal()
    {
        const string opinion = "The last act is the film's best.";
        const string text = opinion + " " + TestReviews.MajorSecret;
        var tagged = TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}");
        var mixed = new Block(5, BlockKind.Paragraph, text, new SpoilerTag(SpoilerLevel.Major, false, 0.9, ["model: 0.90"]))
        {
            Sentences = [new(0, opinion.Length, SpoilerLevel.None), new(opinion.Length + 1, text.Length, SpoilerLevel.Major)],
        };
        var id = (await TestReviews.SaveAsync(api.Db, tagged with { Blocks = [.. tagged.Blocks, mixed] })).ReviewId;

        var response = await api.GetAsync($"/reviews/{id}?mask=sentences");
        var placeholder = await api.GetAsync($"/reviews/{id}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("sentences", response.Json.GetProperty("mask").GetString());
        var block = response.Json.GetProperty("blocks")[5];
        Assert.True(block.GetProperty("hidden").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, block.GetProperty("text").ValueKind);
        var parts = block.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("hidden").GetBoolean(), p.GetProperty("level").GetString(), p.GetProperty("text").GetString())).ToArray();
        Assert.Equal([(false, "none", opinion), (true, "major", null)], parts);
        // Blocks hidden whole by the warning have no parts; the reveal shows nowhere; the other modes send no parts.
        Assert.False(response.Json.GetProperty("blocks")[3].TryGetProperty("parts", out _));
        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"parts\"", placeholder.Body, StringComparison.Ordinal);
        var html = await api.GetAsync($"/reviews/{id}/html?mask=sentences");
        Assert.Contains($"<p class=\"nlmg-parts\" dir=\"auto\">{System.Net.WebUtility.HtmlEncode(opinion).Replace("&#39;", "&#x27;", StringComparison.Ordinal)} <span class=\"nlmg-hidden-run\" data-level=\"major\">[major spoiler hidden]</span></p>", html.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", html.Body, StringComparison.Ordinal);

        using var sentencesTag = await api.Client.GetAsync($"/reviews/{id}?mask=sentences");
        using var placeholderTag = await api.Client.GetAsync($"/reviews/{id}");
        Assert.NotEqual(sentencesTag.Headers.ETag, placeholderTag.Headers.ETag);
    }

    [Fact]
    public async Task Reasons_come_from_the_fixed_vocabulary()
    {
        var id = await SeedAsync();

        var blocks = (await api.GetAsync($"/reviews/{id}")).Json.GetProperty("blocks");

        Assert.Equal("premise spoiler: after the author's spoiler warning", blocks[2].GetProperty("reason").GetString());
        Assert.Equal("major spoiler: after the author's spoiler warning", blocks[3].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Summary_counts_levels_and_the_excerpt_stops_before_the_warning()
    {
        var id = await SeedAsync();

        var summary = (await api.GetAsync($"/reviews/{id}?spoilers=all")).Json.GetProperty("review");

        Assert.True(summary.GetProperty("containsSpoilers").GetBoolean());
        Assert.Equal("major", summary.GetProperty("maxSpoilerLevel").GetString());
        Assert.Equal(1, summary.GetProperty("spoilerBlocks").GetProperty("premise").GetInt32());
        Assert.Equal(1, summary.GetProperty("spoilerBlocks").GetProperty("major").GetInt32());
        Assert.Equal("The acting is superb and the pacing is patient.", summary.GetProperty("excerpt").GetString());
        Assert.True(summary.GetProperty("excerptTruncated").GetBoolean());
    }

    [Theory]
    [InlineData("Never Let Me Go: Tommy completes after his fourth donation")]
    [InlineData("Never Let Me Go ending explained")]
    public async Task A_title_that_reveals_is_replaced_everywhere(string title)
    {
        var id = await SeedAsync(title);

        var single = (await api.GetAsync($"/reviews/{id}")).Json.GetProperty("review");
        var work = single.GetProperty("workId").GetInt64();
        var list = await api.GetAsync($"/works/{work}/reviews?limit=100");

        Assert.Equal("A review of Never Let Me Go", single.GetProperty("title").GetString());
        Assert.True(single.GetProperty("titleReplaced").GetBoolean());
        Assert.DoesNotContain(title, list.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_title_promising_no_spoilers_is_kept()
    {
        var id = await SeedAsync("A quiet, devastating film (no spoilers)");

        var summary = (await api.GetAsync($"/reviews/{id}")).Json.GetProperty("review");

        Assert.Equal("A quiet, devastating film (no spoilers)", summary.GetProperty("title").GetString());
        Assert.False(summary.GetProperty("titleReplaced").GetBoolean());
    }

    [Fact]
    public async Task A_reply_quoting_a_spoiler_comment_inherits_its_level()
    {
        var review = TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}") with
        {
            Comments =
            [
                new Comment("c1", null, "Ruth", null, [new Block(0, BlockKind.Paragraph, TestReviews.CommentSecret, new SpoilerTag(SpoilerLevel.Major, false, 1, ["marked as spoiler in the page"]))]),
                new Comment("c2", "c1", "Kathy", null,
                [
                    new Block(0, BlockKind.Quote, "QUOTED-SECRET Ruth completes in the recovery centre.", SpoilerTag.Clean),
                    new Block(1, BlockKind.Paragraph, "REPLY-SECRET and that is why the ending works.", SpoilerTag.Clean),
                ]),
                new Comment("c3", null, "Tommy", null, [new Block(0, BlockKind.Paragraph, "Plain words only.", SpoilerTag.Clean)]),
            ],
        };
        var id = (await TestReviews.SaveAsync(api.Db, review)).ReviewId;

        var response = await api.GetAsync($"/reviews/{id}/comments");

        Assert.DoesNotContain("SECRET", response.Body, StringComparison.Ordinal);
        var reply = response.Json.GetProperty("comments")[0].GetProperty("replies")[0];
        Assert.All(reply.GetProperty("blocks").EnumerateArray(), b => Assert.Equal("major", b.GetProperty("level").GetString()));
        Assert.Equal("major spoiler: quotes a spoiler comment", reply.GetProperty("blocks")[0].GetProperty("reason").GetString());
        Assert.Contains("Plain words only.", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reviews/1?mask=blur", "mask", "omit, placeholder, redact")]
    [InlineData("/reviews/1/comments?mask=x", "mask", "omit, placeholder, redact")]
    [InlineData("/works/1/reviews?sort=oldest", "sort", "newest, rating")]
    [InlineData("/works/1/reviews?minRating=101", "minRating", "0 to 100")]
    public async Task Unknown_values_are_400_problems_listing_the_allowed_ones(string path, string parameter, string allowed)
    {
        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
        Assert.Contains(allowed, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_lists_sort_by_rating_filter_and_carry_only_the_excerpt()
    {
        var work = $"Sort Work {Guid.NewGuid():N}";
        foreach (var (score, spoilers) in new[] { (40.0, true), (90.0, false), (75.0, true), (60.0, false) })
        {
            var review = TestReviews.Tagged($"https://{(spoilers ? "a" : "b")}.example/{Guid.NewGuid():N}", work, new Rating($"{score}/100", score, 100, score));
            await TestReviews.SaveAsync(api.Db, spoilers ? review : review with { Blocks = review.Blocks.Take(1).ToList() });
        }

        var workId = (await api.GetAsync($"/reviews/{await FirstReviewAsync(work)}")).Json.GetProperty("review").GetProperty("workId").GetInt64();
        var byRating = await ScoresAsync($"/works/{workId}/reviews?sort=rating&limit=1");
        var spoilerFree = await ScoresAsync($"/works/{workId}/reviews?spoilerFree=true&sort=rating");
        var minRating = await ScoresAsync($"/works/{workId}/reviews?minRating=70&sort=rating");
        var site = await ScoresAsync($"/works/{workId}/reviews?site=a.example&sort=rating");
        var list = await api.GetAsync($"/works/{workId}/reviews");

        Assert.Equal([90.0, 75, 60, 40], byRating);
        Assert.Equal([90.0, 60], spoilerFree);
        Assert.Equal([90.0, 75], minRating);
        Assert.Equal([75.0, 40], site);
        Assert.DoesNotContain("SECRET", list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Spoiler alert", list.Body, StringComparison.Ordinal);
        Assert.All(list.Json.GetProperty("items").EnumerateArray(), i => Assert.Equal("The acting is superb and the pacing is patient.", i.GetProperty("excerpt").GetString()));
    }

    private async Task<long> FirstReviewAsync(string work)
    {
        await using var command = api.Db.CreateCommand("select r.id from reviews r join works w on w.id = r.work_id where w.title = $1 limit 1");
        command.Parameters.AddWithValue(work);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Follows every page and returns the normalized ratings in order.</summary>
    private async Task<List<double>> ScoresAsync(string path)
    {
        var scores = new List<double>();
        string? next = path;
        while (next is not null)
        {
            var page = await api.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            scores.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rating").GetProperty("normalized").GetDouble()));
            next = page.Json.GetProperty("next").GetString() is { } cursor ? $"{path}&cursor={Uri.EscapeDataString(cursor)}" : null;
        }

        return scores;
    }
}
