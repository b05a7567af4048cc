using System.Net;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

public sealed class SearchPagingTests(ApiServer api) : IClassFixture<ApiServer>
{
    /// <summary>A word no other test's review contains, letters only so the text search parser keeps it whole.</summary>
    private static string UniqueWord() => "zq" + string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))));

    private async Task<HashSet<long>> SeedAsync(string word, int count)
    {
        var ids = new HashSet<long>();
        for (var i = 0; i < count; i++)
        {
            // Repeating the word ranks reviews apart; the last two tie, so the id breaks the tie.
            var text = string.Join(' ', Enumerable.Repeat(word, Math.Min(i, count - 2) + 1)) + " is what this review keeps saying.";
            var review = TestReviews.Tagged($"https://search.example/{Guid.NewGuid():N}") with { Blocks = [new Block(0, BlockKind.Paragraph, text, SpoilerTag.Clean)] };
            ids.Add((await TestReviews.SaveAsync(api.Db, review)).ReviewId);
        }

        return ids;
    }

    [Fact]
    public async Task Search_pages_follow_the_next_cursor_and_link_header_through_every_hit_once()
    {
        var word = UniqueWord();
        var seeded = await SeedAsync(word, 5);

        var seen = new List<(long Id, double Rank)>();
        var path = $"/search?q={word}&limit=2";
        var pages = 0;
        while (path is not null)
        {
            var page = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(h => (h.GetProperty("review").GetProperty("id").GetInt64(), h.GetProperty("rank").GetDouble())));
            var next = page.Json.GetProperty("next").GetString();
            Assert.Equal(next is null, page.Link is null);
            if (next is not null)
            {
                Assert.Contains($"cursor={Uri.EscapeDataString(next)}", page.Link, StringComparison.Ordinal);
                Assert.Contains("rel=\"next\"", page.Link, StringComparison.Ordinal);
            }

            path = next is null ? null : $"/search?q={word}&limit=2&cursor={Uri.EscapeDataString(next)}";
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(seeded.Order(), seen.Select(s => s.Id).Order());
        Assert.Equal(seen.Select(s => s.Rank).OrderDescending(), seen.Select(s => s.Rank));
    }

    [Fact]
    public async Task A_snippet_comes_from_the_first_block_the_reader_may_see_that_holds_every_word()
    {
        // An ending no stemmer rule cuts, so the word is its own lexeme and the snippet marks it whole.
        var word = UniqueWord() + "qb";
        var major = new SpoilerTag(SpoilerLevel.Major, false, 0.9, ["model: major"]);
        var review = TestReviews.Tagged($"https://search.example/{Guid.NewGuid():N}") with
        {
            Blocks =
            [
                new Block(0, BlockKind.Paragraph, $"The {word} of the opening act hides a death.", major),
                new Block(1, BlockKind.Paragraph, "Nothing to find in this paragraph.", SpoilerTag.Clean),
                new Block(2, BlockKind.Paragraph, $"Only {word} here, said once.", SpoilerTag.Clean),
                new Block(3, BlockKind.Paragraph, $"And {word}, {word}, {word} again, said three times.", SpoilerTag.Clean),
            ],
        };
        await TestReviews.SaveAsync(api.Db, review);

        var hidden = (await api.GetAsync($"/search?q={word}")).Json.GetProperty("items")[0];
        var all = (await api.GetAsync($"/search?q={word}&spoilers=all")).Json.GetProperty("items")[0];

        Assert.Equal(2, hidden.GetProperty("blockIndex").GetInt32());
        Assert.Contains($"<mark>{word}</mark>", hidden.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("death", hidden.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, all.GetProperty("blockIndex").GetInt32());
    }

    [Fact]
    public async Task A_phrase_matches_where_its_words_meet_after_many_earlier_occurrences()
    {
        // Ranking reads each word's first three positions only (migration 0017); matching must still see them all.
        var (first, second) = (UniqueWord() + "qb", UniqueWord() + "qb");
        var text = string.Join(' ', Enumerable.Repeat($"{first} and", 6)) + $" {first} {second}.";
        var review = TestReviews.Tagged($"https://search.example/{Guid.NewGuid():N}") with { Blocks = [new Block(0, BlockKind.Paragraph, text, SpoilerTag.Clean)] };
        var saved = await TestReviews.SaveAsync(api.Db, review);

        var hits = (await api.GetAsync($"/search?q={Uri.EscapeDataString($"\"{first} {second}\"")}")).Json.GetProperty("items");

        Assert.Equal(saved.ReviewId, Assert.Single(hits.EnumerateArray()).GetProperty("review").GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("q=otherwords")]
    [InlineData("spoilers=all")]
    public async Task A_cursor_does_not_continue_a_different_search(string change)
    {
        var word = UniqueWord();
        await SeedAsync(word, 3);
        var next = (await api.GetAsync($"/search?q={word}&limit=1")).Json.GetProperty("next").GetString()!;
        var query = change.StartsWith("q=", StringComparison.Ordinal) ? change : $"q={word}&{change}";

        var response = await api.GetAsync($"/search?{query}&limit=1&cursor={Uri.EscapeDataString(next)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("cursor", response.Json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_forged_cursor_is_a_400_problem()
    {
        var response = await api.GetAsync("/search?q=acting&cursor=bm90LWEtY3Vyc29y");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("cursor", response.Json.GetProperty("parameter").GetString());
    }
}
