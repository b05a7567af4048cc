using System.Net;
using System.Text;
using System.Text.Json;

namespace NeverLetMeGo.Api.Tests;

/// <summary>
/// Requests drawn at random (seeded) from openapi/v1.json's own operations, with values a client gets wrong: ids that
/// are no numbers or overflow, limits of zero and beyond, enum values of another parameter, repeated parameters, bodies
/// of the wrong shape, and the Accept headers browsers and feed readers send. Whatever the request, the API answers below
/// 500, every error is a ProblemDetails, and every answer is one the contract documents (the client's handler checks).
/// </summary>
public sealed class RequestFuzzTests(ApiServer api) : IClassFixture<ApiServer>
{
    private static readonly string[] Numbers =
        ["{id}", "{id}", "0", "-1", "1.5", "1e3", "abc", "", "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999", "%2B1", "%20", "%EF%BC%91", "NaN"];

    private static readonly string[] Words =
        ["", "none", "premise", "all", "omit", "placeholder", "redact", "sentences", "json", "html", "true", "false", "newest", "rating",
         "pending", "dead", "accepted", "0", "-1", "101", "1e309", "NaN", "Infinity", "%FF", "%ED%A0%80", "%22%3C%3E%26", "Kathy", "-Kathy",
         "%22Kathy%20H%22", "eyJ4IjoxfQ", "%E2%80%AE", new string('x', 3000)];

    private static readonly string[] Accepts =
        ["application/json", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml", "*/*", "application/atom+xml", "text/plain"];

    private static readonly string[] Bodies =
        ["", "{}", "[]", "null", "{bad json", "{\"level\":\"major\"}", "{\"level\":5}", "{\"level\":\"none\",\"reason\":\"x\"}", "{\"terms\":[\"a\",\"b\"]}",
         "{\"terms\":\"a\"}", "{\"urls\":[\"https://reviews.example/a\"]}", "{\"url\":123}", "{\"url\":\"javascript:alert(1)\"}",
         "{\"host\":\"\",\"delaySeconds\":1e308}", "{\"reason\":\"\\ud800\"}", "{\"reason\":\"\\u0000\"}", string.Concat(Enumerable.Repeat("[", 300))];

    [Fact]
    public async Task Random_bad_requests_answer_below_500_with_a_documented_problem()
    {
        var saved = await TestReviews.SaveAsync(api.Db, TestReviews.Tagged($"https://fuzz.example/{Guid.NewGuid():N}"));
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(NeverLetMeGo.Testing.RepositoryRoot.Path, "openapi", "v1.json")));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value.Clone())))
            .ToList();
        var random = new Random(20261207);
        var problems = 0;
        for (var i = 0; i < 600; i++)
        {
            var (template, method, operation) = operations[random.Next(operations.Count)];
            var path = template;
            var query = new List<string>();
            foreach (var parameter in operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : default)
            {
                var name = parameter.GetProperty("name").GetString()!;
                var numeric = parameter.GetProperty("schema").TryGetProperty("type", out var type) && type.GetString() is "integer" or "number";
                var value = (numeric ? Numbers[random.Next(Numbers.Length)] : Words[random.Next(Words.Length)])
                    .Replace("{id}", name == "index" ? "0" : $"{saved.ReviewId}", StringComparison.Ordinal);
                switch (parameter.GetProperty("in").GetString())
                {
                    case "path":
                        path = path.Replace($"{{{name}}}", value.Length == 0 ? "1" : value, StringComparison.Ordinal);
                        break;
                    case "query" when random.Next(3) > 0:
                        query.Add($"{name}={value}");
                        if (random.Next(10) == 0)
                            query.Add($"{name}={Words[random.Next(Words.Length)]}");
                        break;
                }
            }

            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(path + (query.Count > 0 ? "?" + string.Join('&', query) : ""), UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Accept", Accepts[random.Next(Accepts.Length)]);
            if (template.StartsWith("/admin", StringComparison.Ordinal) && random.Next(4) > 0)
                request.Headers.Add("X-Api-Key", ApiServer.OperatorKey);
            if (operation.TryGetProperty("requestBody", out _))
                request.Content = new StringContent(Bodies[random.Next(Bodies.Length)], Encoding.UTF8, random.Next(6) == 0 ? "text/plain" : "application/json");

            // The client's handler throws ContractViolationException for an answer openapi/v1.json does not document.
            using var response = await api.Client.SendAsync(request);

            var where = $"{request.Method} {request.RequestUri}";
            Assert.True((int)response.StatusCode < 500, $"{where} answered {(int)response.StatusCode}");
            if ((int)response.StatusCode >= 400 && response.StatusCode != HttpStatusCode.NotModified)
            {
                problems++;
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{where} answered {(int)response.StatusCode} as {response.Content.Headers.ContentType}");
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
            }
        }

        // The draw reaches the error paths it is about (most requests are wrong on purpose).
        Assert.True(problems > 300, $"only {problems} of 600 requests were refused");
    }
}
