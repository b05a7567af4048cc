using System.Net;
using System.Text.Json.Nodes;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Api.Tests.Contract;

/// <summary>The document says what is sent: every API test's responses pass through <see cref="ContractCheckingHandler"/>.</summary>
public sealed class ContractTests(ApiServer api) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task A_review_without_a_rating_keeps_the_document_on_every_read_that_carries_it()
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://contract.example/{Guid.NewGuid():N}"));
        var before = ContractCheckingHandler.Checked;

        var review = await api.GetAsync($"/reviews/{saved.ReviewId}");
        var list = await api.GetAsync($"/works/{saved.WorkId}/reviews");
        var search = await api.GetAsync("/search?q=acting");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (review.Status, list.Status, search.Status));
        Assert.Null(review.Json.GetProperty("review").GetProperty("rating").GetString());
        Assert.True(ContractCheckingHandler.Checked >= before + 3);
    }

    [Fact]
    public async Task The_checker_rejects_a_document_that_calls_the_rating_an_object()
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://contract.example/{Guid.NewGuid():N}"));
        var body = (await api.GetAsync($"/reviews/{saved.ReviewId}")).Body;
        // The document as it was: RatingResponse a plain object, so a null rating was outside the contract.
        var old = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "openapi", "v1.json")))!;
        Assert.True(old["components"]!["schemas"]!["RatingResponse"]!.AsObject().Remove("nullable"));

        var errors = ContractDocument.Load(old.ToJsonString()).Check("GET", $"/reviews/{saved.ReviewId}", HttpStatusCode.OK, "application/json", body);

        Assert.Contains("$.review.rating is null, which the document does not allow", errors);
    }

    [Fact]
    public void An_undocumented_error_must_still_be_a_problem()
    {
        var errors = ContractDocument.Committed.Check("GET", "/works", HttpStatusCode.RequestEntityTooLarge, "text/plain", "too large");

        Assert.Equal(["an error answered text/plain instead of application/problem+json"], errors);
    }
}
