using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NeverLetMeGo.Testing;
using Npgsql;

namespace NeverLetMeGo.Api.Tests;

/// <summary>The API with an admin key configured, over a fresh database holding one work.</summary>
public sealed class AdminApiServer : IAsyncLifetime
{
    public const string Key = "test-admin-key";
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = new();
    public long WorkId { get; private set; }

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        _app = await ApiApp.BuildAsync([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = connectionString,
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Admin:ApiKeys:0"] = Key,
        });
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        await using var command = _app.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("insert into works (title, title_key) values ('Citizen Kane', 'citizen kane') returning id");
        WorkId = (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

public sealed class SpoilerTermsApiTests(AdminApiServer api) : IClassFixture<AdminApiServer>
{
    private async Task<(HttpStatusCode Status, string? Type, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null, string? key = AdminApiServer.Key)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await api.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private string Terms => $"/admin/works/{api.WorkId}/spoiler-terms";

    [Fact]
    public async Task An_operator_adds_a_term_changes_its_level_and_lists_it()
    {
        var added = await SendAsync(HttpMethod.Post, Terms, new { term = "  Rosebud ", level = "premise" });
        var changed = await SendAsync(HttpMethod.Post, Terms, new { term = "ROSEBUD", level = "major" });
        var list = await SendAsync(HttpMethod.Get, Terms);

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(("Rosebud", "premise"), (added.Body.GetProperty("term").GetString(), added.Body.GetProperty("level").GetString()));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        var item = Assert.Single(list.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(("ROSEBUD", "major"), (item.GetProperty("term").GetString(), item.GetProperty("level").GetString()));
        Assert.Equal(api.WorkId, list.Body.GetProperty("workId").GetInt64());
    }

    [Theory]
    [InlineData(null, "major", "term")]
    [InlineData("   ", "major", "term")]
    [InlineData("Rosebud", "none", "level")]
    [InlineData("Rosebud", null, "level")]
    public async Task Bad_terms_are_problems_naming_the_parameter(string? term, string? level, string parameter)
    {
        var response = await SendAsync(HttpMethod.Post, Terms, new { term, level });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.Type);
        Assert.Equal(parameter, response.Body.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_term_longer_than_two_hundred_characters_is_refused()
    {
        var response = await SendAsync(HttpMethod.Post, Terms, new { term = new string('x', 201), level = "major" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Unknown_works_are_404_problems()
    {
        var post = await SendAsync(HttpMethod.Post, "/admin/works/987654/spoiler-terms", new { term = "Rosebud", level = "major" });
        var get = await SendAsync(HttpMethod.Get, "/admin/works/987654/spoiler-terms");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (post.Status, post.Type));
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_admin_key_terms_are_neither_read_nor_written(string? key)
    {
        var post = await SendAsync(HttpMethod.Post, Terms, new { term = "Sled", level = "major" }, key);
        var get = await SendAsync(HttpMethod.Get, Terms, key: key);

        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), (post.Status, post.Type));
        Assert.Equal(HttpStatusCode.Unauthorized, get.Status);
        var list = await SendAsync(HttpMethod.Get, Terms);
        Assert.DoesNotContain(list.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("term").GetString() == "Sled");
    }
}
