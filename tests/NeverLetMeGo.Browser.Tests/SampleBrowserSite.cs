using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using NeverLetMeGo.Api;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Browser.Tests;

/// <summary>The real API over a fresh database holding the four sample reviews, as a newcomer's first run shows them.</summary>
public sealed class SampleBrowserSite : IAsyncLifetime
{
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = await ApiApp.BuildAsync([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = await PostgresServer.CreateDatabaseAsync(),
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Samples:ImportOnFirstStart"] = "true",
            ["Samples:Directory"] = SamplePages.Directory,
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
