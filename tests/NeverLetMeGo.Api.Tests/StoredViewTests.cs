using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Api.Tests;

/// <summary>
/// GET /reviews/{id} with the default mask serves the view stored when the review was written (review_views); every other
/// read masks the blocks. Both must send the same bytes, and a review without stored views still reads.
/// </summary>
public sealed class StoredViewTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static readonly string[] Tolerances = ["none", "premise", "all"];

    [Fact]
    public async Task A_stored_view_is_byte_for_byte_the_review_masked_from_its_blocks()
    {
        var generator = new GeneratedReviews(1618);
        var work = $"Stored View Work {Guid.NewGuid():N}";
        var ids = new List<long> { (await TestReviews.SaveAsync(api.Db, Awkward($"https://views.example/{Guid.NewGuid():N}", work))).ReviewId };
        for (var n = 0; n < 16; n++)
        {
            ids.Add((await TestReviews.SaveAsync(api.Db, generator.Next(work, n))).ReviewId);
        }

        await using var connection = await api.Db.OpenConnectionAsync();
        Assert.Equal(ids.Count * Tolerances.Length, await connection.ExecuteScalarAsync<int>("select count(*) from review_views where review_id = any(@ids)", new { ids }));
        var stored = await ReadAllAsync(ids);

        await connection.ExecuteAsync("delete from review_views where review_id = any(@ids)", new { ids });
        var masked = await ReadAllAsync(ids);

        Assert.Equal(masked.Count, stored.Count);
        foreach (var (key, body) in masked)
        {
            Assert.Equal(body, stored[key]);
        }

        // The awkward review's text reached the stored view whole: markup, quotes, backslash, emoji, line breaks.
        var blocks = JsonDocument.Parse(stored[(ids[0], "all")]).RootElement.GetProperty("blocks");
        Assert.Equal(AwkwardText, blocks[0].GetProperty("text").GetString());
        Assert.Equal("Spoiler warning \u2028 ahead", blocks[2].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_correction_changes_what_the_stored_view_shows()
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://views.example/{Guid.NewGuid():N}"));
        var before = (await api.GetAsync($"/reviews/{saved.ReviewId}")).Json;
        Assert.False(before.GetProperty("blocks")[0].GetProperty("hidden").GetBoolean());

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/admin/reviews/{saved.ReviewId}/blocks/0/level")
        {
            Content = JsonContent.Create(new { level = "major" }),
        };
        request.Headers.Add("X-Api-Key", ApiServer.OperatorKey);
        using var response = await api.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var after = (await api.GetAsync($"/reviews/{saved.ReviewId}")).Json;
        Assert.True(after.GetProperty("blocks")[0].GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("blocks")[0].GetProperty("text").ValueKind);
        Assert.Equal(before.GetProperty("hiddenBlocks").GetInt32() + 1, after.GetProperty("hiddenBlocks").GetInt32());
    }

    private async Task<Dictionary<(long, string), string>> ReadAllAsync(List<long> ids)
    {
        var bodies = new Dictionary<(long, string), string>();
        foreach (var id in ids)
        {
            foreach (var tolerance in Tolerances)
            {
                var response = await api.GetAsync($"/reviews/{id}?spoilers={tolerance}");
                Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
                bodies[(id, tolerance)] = response.Body;
            }
        }

        return bodies;
    }

    // Text the JSON writer has to escape or pass through: markup, quotes, a backslash, non-ASCII, an emoji, a line break.
    private const string AwkwardText = "<b>Bold</b> & \"quoted\" \\ café — \U0001F600\nnext line";

    private static Review Awkward(string url, string work) => TestReviews.Tagged(url, work) with
    {
        Blocks =
        [
            new Block(0, BlockKind.Paragraph, AwkwardText, SpoilerTag.Clean),
            new Block(1, BlockKind.Quote, "'Single' quotes and </script> tags", new SpoilerTag(SpoilerLevel.Premise, false, 0.8, ["model: 0.80"])),
            new Block(2, BlockKind.ListItem, "Spoiler warning \u2028 ahead", new SpoilerTag(SpoilerLevel.None, true, 0, ["author spoiler warning"])),
            new Block(3, BlockKind.Heading, "Ending", new SpoilerTag(SpoilerLevel.Major, false, 0.95, ["after the author's spoiler warning"])),
        ],
    };
}
