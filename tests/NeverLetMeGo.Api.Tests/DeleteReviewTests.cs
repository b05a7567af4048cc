using System.Net;
using System.Text.Json;
using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Api.Tests;

/// <summary>DELETE /admin/reviews/{id}: operator only, audited, and every read surface forgets the review.</summary>
public sealed class DeleteReviewTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Deleting_a_review_answers_the_audit_record_and_the_review_and_its_lone_work_disappear()
    {
        var work = $"Deleted Work {Guid.NewGuid():N}";
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://delete.example/{Guid.NewGuid():N}", work));
        Assert.Contains(await WorkIdsAsync(), id => id == saved.WorkId);

        using var deleted = await DeleteAsync(saved.ReviewId, ApiServer.OperatorKey);
        var body = JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(saved.ReviewId, body.GetProperty("reviewId").GetInt64());
        Assert.Equal(saved.WorkId, body.GetProperty("workId").GetInt64());
        Assert.StartsWith("operator ", body.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/reviews/{saved.ReviewId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/reviews/{saved.ReviewId}/comments")).Status);
        Assert.DoesNotContain(await WorkIdsAsync(), id => id == saved.WorkId);
        Assert.DoesNotContain($"/reviews/{saved.ReviewId}\"", (await api.GetAsync("/feed.atom")).Body, StringComparison.Ordinal);
        var recorded = Assert.Single(await new ReviewDeletions(api.Db).ListAsync(saved.ReviewId, CancellationToken.None));
        Assert.Equal(body.GetProperty("actor").GetString(), recorded.Actor);
    }

    [Fact]
    public async Task A_work_keeps_its_place_in_the_list_while_it_has_another_review()
    {
        var work = $"Twice Reviewed {Guid.NewGuid():N}";
        var first = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://delete.example/{Guid.NewGuid():N}", work));
        await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://delete.example/{Guid.NewGuid():N}", work));

        using var deleted = await DeleteAsync(first.ReviewId, ApiServer.OperatorKey);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var works = (await api.GetAsync("/works?limit=100")).Json.GetProperty("items").EnumerateArray();
        Assert.Equal(1, works.Single(w => w.GetProperty("id").GetInt64() == first.WorkId).GetProperty("reviewCount").GetInt32());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "API key required")]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized, "API key required")]
    [InlineData(ApiServer.OperatorKey, HttpStatusCode.NotFound, "Review not found")]
    public async Task An_unknown_review_or_a_missing_key_is_a_problem_and_deletes_nothing(string? key, HttpStatusCode status, string title)
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://delete.example/{Guid.NewGuid():N}"));
        var target = status == HttpStatusCode.NotFound ? saved.ReviewId + 1_000_000 : saved.ReviewId;

        using var response = await DeleteAsync(target, key);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/reviews/{saved.ReviewId}")).Status);
    }

    private async Task<HttpResponseMessage> DeleteAsync(long id, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/admin/reviews/{id}");
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await api.Client.SendAsync(request);
    }

    private async Task<IReadOnlyList<long>> WorkIdsAsync() =>
        [.. (await api.GetAsync("/works?limit=100")).Json.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetInt64())];
}
