using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NeverLetMeGo.Testing;
using Npgsql;

namespace NeverLetMeGo.Api.Tests;

/// <summary>The real API on Kestrel at 127.0.0.1 over a fresh database: one per test class.</summary>
public class ApiServer : IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key";

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = new();

    /// <summary>The leak test reads a lot from one address, so reads are all but unlimited unless a fixture says otherwise.</summary>
    protected virtual int ReadsPerMinute => 1_000_000;

    public NpgsqlDataSource Db => _app!.Services.GetRequiredService<NpgsqlDataSource>();

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        _app = await ApiApp.BuildAsync([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = connectionString,
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Admin:ApiKeys:0"] = OperatorKey,
            ["Corrections:ReportThreshold"] = "3",
            ["RateLimits:ReadsPerMinute"] = ReadsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Report limits stay low enough to test.
            ["RateLimits:ReportsPerHour"] = "5",
            ["Cors:Origins:0"] = "http://frontend.example",
        });
        await _app.StartAsync();
        var address = _app.Urls.First();
        // Every response any API test receives is checked against the committed OpenAPI document (ContractCheckingHandler).
        Client = new HttpClient(new Contract.ContractCheckingHandler(Contract.ContractDocument.Committed)) { BaseAddress = new Uri(address) };
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

    public async Task<ApiResponse> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var link = response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : null;
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, link);
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string? ContentType, string Body, string? Link)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
