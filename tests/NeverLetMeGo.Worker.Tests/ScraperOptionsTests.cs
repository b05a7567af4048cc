using Microsoft.Extensions.Options;
using NeverLetMeGo.Worker.Fetching;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class ScraperOptionsTests
{
    private const string TimeoutMessage = "Scraper:TimeoutSeconds must be between 1 and 600 (was 0).";

    [Fact]
    public void Default_options_are_valid_and_identify_the_scraper_honestly()
    {
        var options = new ScraperOptions();

        Assert.Empty(options.Validate());
        Assert.StartsWith("NeverLetMeGo/", options.UserAgent, StringComparison.Ordinal);
        Assert.Equal(5 * 1024 * 1024, options.MaxBodyBytes);
    }

    [Theory]
    [InlineData("TimeoutSeconds", "0", TimeoutMessage)]
    [InlineData("MaxBodyBytes", "10", "Scraper:MaxBodyBytes must be between 1024 and 1073741824 (was 10).")]
    [InlineData("Concurrency", "0", "Scraper:Concurrency must be between 1 and 64 (was 0).")]
    [InlineData("UserAgent", " ", "Scraper:UserAgent must not be empty.")]
    [InlineData("AllowedContentTypes:0", "text/html; charset=utf-8", "Scraper:AllowedContentTypes must list media types such as text/html, without parameters.")]
    public async Task Scrape_rejects_invalid_options_with_a_message_naming_the_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { [$"Scraper:{key}"] = value };

        var result = await Nlmg.RunAsync(settings, "scrape", "http://127.0.0.1:9/never-fetched.html");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: invalid configuration: {message}", result.Error.Trim());
    }

    [Fact]
    public async Task The_worker_rejects_invalid_options_before_touching_the_database()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scraper:TimeoutSeconds"] = "0",
            ["ConnectionStrings:Reviews"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3",
        };

        var result = await Nlmg.RunAsync(settings, "worker", "--exit-when-empty");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: invalid configuration: {TimeoutMessage}", result.Error.Trim());
    }

    [Fact]
    public void The_options_validator_fails_start_up_validation_with_the_same_message()
    {
        var result = new ScraperOptionsValidator().Validate(Options.DefaultName, new ScraperOptions { TimeoutSeconds = 0 });

        Assert.True(result.Failed);
        Assert.Equal([TimeoutMessage], result.Failures);
    }

    [Fact]
    public async Task A_command_line_concurrency_below_one_is_rejected()
    {
        var result = await Nlmg.RunAsync("scrape", "--concurrency", "0", "http://127.0.0.1:9/never-fetched.html");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Scraper:Concurrency must be between 1 and 64 (was 0).", result.Error, StringComparison.Ordinal);
    }
}
