using System.Net;
using System.Text.Json;

namespace NeverLetMeGo.Api.Tests;

public sealed class ReviewsApiTests(ApiServer api) : IClassFixture<ApiServer>
{
    private async Task<long> SeedAsync() => (await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://reviews.example/{Guid.NewGuid():N}"))).ReviewId;

    private static JsonElement Block(JsonElement review, int index) => review.GetProperty("blocks")[index];

    [Fact]
    public async Task Masked_review_hides_premise_and_major_blocks_by_default()
    {
        var id = await SeedAsync();

        var response = await api.GetAsync($"/reviews/{id}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var review = response.Json;
        Assert.Equal("none", review.GetProperty("spoilers").GetString());
        Assert.Equal(2, review.GetProperty("hiddenBlocks").GetInt32());
        Assert.Equal(5, review.GetProperty("blocks").GetArrayLength());
        foreach (var (index, level) in new[] { (2, "premise"), (3, "major") })
        {
            var block = Block(review, index);
            Assert.True(block.GetProperty("hidden").GetBoolean());
            Assert.Equal(JsonValueKind.Null, block.GetProperty("text").ValueKind);
            Assert.Equal(level, block.GetProperty("level").GetString());
            Assert.StartsWith($"{level} spoiler", block.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("PREMISE-SECRET", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("MAJOR-SECRET", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Author_warning_is_always_shown()
    {
        var id = await SeedAsync();

        var warning = Block((await api.GetAsync($"/reviews/{id}")).Json, 1);

        Assert.True(warning.GetProperty("warning").GetBoolean());
        Assert.False(warning.GetProperty("hidden").GetBoolean());
        Assert.StartsWith("Spoiler alert", warning.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Premise_tolerance_shows_premise_and_hides_major()
    {
        var id = await SeedAsync();

        var response = await api.GetAsync($"/reviews/{id}?spoilers=premise");

        Assert.Equal(TestReviews.PremiseSecret, Block(response.Json, 2).GetProperty("text").GetString());
        Assert.True(Block(response.Json, 3).GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain("MAJOR-SECRET", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_tolerance_shows_every_block_with_its_level()
    {
        var id = await SeedAsync();

        var review = (await api.GetAsync($"/reviews/{id}?spoilers=ALL")).Json;

        Assert.Equal(0, review.GetProperty("hiddenBlocks").GetInt32());
        Assert.Equal(TestReviews.MajorSecret, Block(review, 3).GetProperty("text").GetString());
        Assert.Equal("major", Block(review, 3).GetProperty("level").GetString());
        Assert.Equal("major", review.GetProperty("review").GetProperty("maxSpoilerLevel").GetString());
    }

    [Fact]
    public async Task Comments_come_as_a_thread_masked_like_the_review()
    {
        var id = await SeedAsync();

        var response = await api.GetAsync($"/reviews/{id}/comments");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var thread = response.Json;
        Assert.Equal(3, thread.GetProperty("count").GetInt32());
        var top = thread.GetProperty("comments");
        Assert.Equal(["Ruth", "Tommy"], top.EnumerateArray().Select(c => c.GetProperty("author").GetString()));
        var reply = top[0].GetProperty("replies")[0];
        Assert.Equal("Kathy", reply.GetProperty("author").GetString());
        Assert.Equal(top[0].GetProperty("id").GetInt64(), reply.GetProperty("parentId").GetInt64());
        Assert.True(reply.GetProperty("blocks")[0].GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain("COMMENT-SECRET", response.Body, StringComparison.Ordinal);

        var revealed = await api.GetAsync($"/reviews/{id}/comments?spoilers=all");
        Assert.Contains("COMMENT-SECRET", revealed.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reviews/{id}?spoilers=some", "spoilers")]
    [InlineData("/reviews/{id}/comments?spoilers=2", "spoilers")]
    public async Task Unknown_spoiler_tolerance_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        var id = await SeedAsync();

        var response = await api.GetAsync(path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
        Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
        Assert.Contains("none, premise, all", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reviews/987654321")]
    [InlineData("/reviews/987654321/comments")]
    public async Task Unknown_review_is_a_404_problem(string path)
    {
        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("Review not found", response.Json.GetProperty("title").GetString());
        Assert.Equal(path, response.Json.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData("/reviews/abc")]
    [InlineData("/reviews/12x/comments")]
    [InlineData("/works/99999999999999999999999")]
    public async Task Malformed_id_is_a_400_problem(string path)
    {
        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("id", response.Json.GetProperty("parameter").GetString());
        Assert.Equal("id must be a whole number.", response.Json.GetProperty("detail").GetString());
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var response = await api.GetAsync("/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }
}
