using System.Text.Json;
using System.Text.Json.Nodes;
using NeverLetMeGo.Api.Infrastructure;
using NeverLetMeGo.Api.Reviews;
using NeverLetMeGo.Core.Masking;

namespace NeverLetMeGo.Api.Tests;

/// <summary>The served document describes every route, parameter, response and error, with examples that give nothing away.</summary>
public sealed class OpenApiDocumentationTests(ApiServer api) : IClassFixture<ApiServer>
{
    private async Task<(JsonElement Document, string Text)> DocumentAsync()
    {
        var served = await api.GetAsync("/swagger/v1/swagger.json");
        return (served.Json, served.Body);
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document)
        => document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)));

    private static IEnumerable<(string Status, JsonElement Response)> Responses(JsonElement operation)
        => operation.GetProperty("responses").EnumerateObject().Select(r => (r.Name, r.Value));

    [Fact]
    public async Task Every_response_and_request_body_has_an_example_and_every_parameter_a_description()
    {
        var (document, _) = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), where);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), where);
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                Assert.True(parameter.TryGetProperty("description", out var text) && text.GetString()!.Length > 10, $"{where} parameter {parameter.GetProperty("name")}");
            }

            foreach (var (status, response) in Responses(operation))
            {
                Assert.True(response.GetProperty("description").GetString()!.Length > 2, $"{where} {status}");
                foreach (var media in response.TryGetProperty("content", out var content) ? content.EnumerateObject() : Enumerable.Empty<JsonProperty>())
                {
                    Assert.True(media.Value.TryGetProperty("example", out _) || media.Value.TryGetProperty("examples", out _), $"{where} {status} {media.Name} has no example");
                }
            }

            if (operation.TryGetProperty("requestBody", out var body))
            {
                Assert.True(body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), $"{where} request body has no example");
            }
        }
    }

    [Fact]
    public async Task Reads_document_the_etag_and_304_and_rate_limited_operations_the_429_with_retry_after()
    {
        var (document, _) = await DocumentAsync();
        var operations = Operations(document).ToList();

        foreach (var (path, method, operation) in operations.Where(o => o.Method == "get"))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("304", out var notModified), path);
            Assert.True(notModified.GetProperty("headers").TryGetProperty("ETag", out _), path);
            Assert.True(responses.GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _), path);
            Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-None-Match" && p.GetProperty("in").GetString() == "header");
            // Probes are exempt from the readers' limit, so that a burst of reads cannot fail them.
            if (path is "/healthz" or "/readyz" or "/metrics")
                Assert.False(responses.TryGetProperty("429", out _), path);
            else
                Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _), path);
            var paged = operation.GetProperty("parameters").EnumerateArray().Any(p => p.GetProperty("name").GetString() == "cursor");
            Assert.Equal(paged, responses.GetProperty("200").GetProperty("headers").TryGetProperty("Link", out _));
        }

        var report = operations.Single(o => o.Operation.GetProperty("operationId").GetString() == "ReportBlockLevel").Operation;
        Assert.True(report.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.Contains(operations, o => o.Path == "/search" && o.Operation.GetProperty("parameters").EnumerateArray().Any(p => p.GetProperty("name").GetString() == "cursor"));
        Assert.Contains(operations, o => o.Path == "/works/{id}/rating/contributions");
    }

    [Fact]
    public async Task Every_error_is_documented_as_problem_details_with_an_example()
    {
        var (document, _) = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            var errors = Responses(operation).Where(r => r.Status[0] is '4' or '5').ToList();
            var takesInput = operation.TryGetProperty("requestBody", out _)
                || (operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() != "header"));
            Assert.Equal(takesInput, errors.Any(e => e.Status == "400"));
            Assert.Contains(errors, e => e.Status == "404");
            Assert.Contains(errors, e => e.Status == "500");
            foreach (var (status, response) in errors)
            {
                var media = Assert.Single(response.GetProperty("content").EnumerateObject());
                Assert.Equal("application/problem+json", media.Name);
                foreach (var example in media.Value.GetProperty("examples").EnumerateObject())
                {
                    Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example.Value.GetProperty("value").GetProperty("status").GetInt32());
                }
            }
        }
    }

    [Fact]
    public async Task A_400_example_lists_the_allowed_values_of_the_parameter_it_names()
    {
        var (document, _) = await DocumentAsync();

        var examples = document.GetProperty("paths").GetProperty("/reviews/{id}").GetProperty("get").GetProperty("responses").GetProperty("400")
            .GetProperty("content").GetProperty("application/problem+json").GetProperty("examples");

        var spoilers = examples.GetProperty("spoilers").GetProperty("value");
        Assert.Equal("spoilers", spoilers.GetProperty("parameter").GetString());
        Assert.Equal($"spoilers must be one of: {SpoilerTolerances.Allowed}.", spoilers.GetProperty("detail").GetString());
        Assert.Contains(MaskModes.Allowed, examples.GetProperty("mask").GetProperty("value").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examples_never_hold_the_example_reviews_hidden_text_except_where_the_reader_chose_to_see_it()
    {
        var (document, text) = await DocumentAsync();
        // The major paragraph opens with an opinion that mask=sentences shows; its revealing sentence shows nowhere.
        var spans = ApiExamples.Blocks[3].Sentences;
        var opinion = ApiExamples.Blocks[3].Text[spans[0].Start..spans[0].End];
        var major = ApiExamples.Blocks[3].Text[spans[1].Start..spans[1].End];
        var premise = ApiExamples.Blocks[2].Text;
        var review = document.GetProperty("paths").GetProperty("/reviews/{id}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        var block = document.GetProperty("paths").GetProperty("/reviews/{id}/blocks/{index}").GetProperty("get").GetProperty("responses").GetProperty("200");

        // The premise paragraph appears twice: revealed on the block route, and in the spoilers=premise variant.
        var shown = text.Split(premise).Length - 1;
        Assert.Equal(2, shown);
        Assert.Contains(premise, review.GetProperty("application/json").GetProperty("examples").GetProperty("premise").GetRawText(), StringComparison.Ordinal);
        Assert.Contains(premise, block.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(premise, review.GetProperty("text/html").GetRawText(), StringComparison.Ordinal);
        foreach (var run in SafeText.Runs(SafeText.Words(major), 8))
        {
            Assert.DoesNotContain(run, string.Join(' ', SafeText.Words(text)), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(ApiExamples.Blocks[3].Text, text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split(opinion).Length - 1);
        Assert.Contains(opinion, review.GetProperty("application/json").GetProperty("examples").GetProperty("sentences").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("letter from the mainland changes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("placeholder", "")]
    [InlineData("redact", "?mask=redact")]
    [InlineData("omit", "?mask=omit")]
    [InlineData("sentences", "?mask=sentences")]
    [InlineData("premise", "?spoilers=premise")]
    public async Task Review_examples_are_what_the_api_sends_for_the_same_review(string example, string query)
    {
        var (document, _) = await DocumentAsync();
        var stored = TestReviews.Tagged($"https://reviews.example.com/films/{Guid.NewGuid():N}", "The Quiet Harbour") with
        {
            Title = "The Quiet Harbour: patient, wintry and beautifully acted",
            Blocks = ReviewMapping.ToBlocks(ApiExamples.Blocks),
        };
        var id = (await TestReviews.SaveAsync(api.Db, stored)).ReviewId;

        var served = JsonNode.Parse((await api.GetAsync($"/reviews/{id}{query}")).Body)!;
        var documented = JsonNode.Parse(document.GetProperty("paths").GetProperty("/reviews/{id}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("examples").GetProperty(example).GetProperty("value").GetRawText())!;

        foreach (var field in (string[])["spoilers", "mask", "hiddenBlocks", "blocks"])
        {
            Assert.True(JsonNode.DeepEquals(documented[field], served[field]), $"{example}: {field} differs");
        }

        foreach (var field in (string[])["title", "titleReplaced", "containsSpoilers", "maxSpoilerLevel", "spoilerBlocks", "excerpt", "excerptTruncated"])
        {
            Assert.True(JsonNode.DeepEquals(documented["review"]![field], served["review"]![field]), $"{example}: review.{field} differs");
        }
    }
}
