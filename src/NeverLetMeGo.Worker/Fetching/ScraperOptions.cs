using Microsoft.Extensions.Options;

namespace NeverLetMeGo.Worker.Fetching;

/// <summary>Section "Scraper": how pages are fetched and how the worker drains the queue.</summary>
public sealed class ScraperOptions
{
    public const string Section = "Scraper";
    public const string DefaultUserAgent = "NeverLetMeGo/0.1 (+https://github.com/neverletmego/neverletmego)";

    /// <summary>Sent with every request; honest, so site owners can tell who we are.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Whole request, headers and body, per page.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Counted after decompression, so a compression bomb is cut off.</summary>
    public long MaxBodyBytes { get; set; } = Batch.ExtractBatch.DefaultMaxBytes;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>A job failing this many times is dead.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long the worker sleeps when no job is due.</summary>
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>Pages fetched at once (scrape and worker).</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long a claimed job stays ours before another worker may take it.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Hosts (names or addresses) that may resolve to private, loopback or link-local addresses; empty in production.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// An http:// forward proxy for every request (null: none; HTTP_PROXY and the like are never used). Each target's
    /// addresses are still checked against the address policy before its request goes to the proxy.
    /// </summary>
    public string? Proxy { get; set; }

    /// <summary>Media types a page may have (parameters such as charset ignored); empty means <see cref="HtmlMediaTypes"/>.</summary>
    /// <remarks>Empty by default because configuration binding appends to an array's initial items instead of replacing them.</remarks>
    public string[] AllowedContentTypes { get; set; } = [];

    public static IReadOnlyList<string> HtmlMediaTypes { get; } = ["text/html", "application/xhtml+xml"];

    public IReadOnlyList<string> ContentTypes => AllowedContentTypes.Length == 0 ? HtmlMediaTypes : AllowedContentTypes;

    /// <summary>Least time between two requests to one host, across all workers; a larger robots.txt Crawl-delay wins.</summary>
    public double HostDelaySeconds { get; set; } = 1;

    /// <summary>How long a fetched robots.txt is trusted before it is fetched again.</summary>
    public double RobotsCacheMinutes { get; set; } = 24 * 60;

    /// <summary>How often each registered sitemap or feed is read for new entries.</summary>
    public double SourcePollMinutes { get; set; } = 60;

    /// <summary>How long extracting and tagging one page may take before its job fails (Core has no clock; the bound lives here).</summary>
    public double ParseTimeoutSeconds { get; set; } = 10;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
    public TimeSpan ParseTimeout => TimeSpan.FromSeconds(ParseTimeoutSeconds);
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan SourcePollInterval => TimeSpan.FromMinutes(SourcePollMinutes);
    public TimeSpan HostDelay => TimeSpan.FromSeconds(HostDelaySeconds);
    public TimeSpan RobotsCacheAge => TimeSpan.FromMinutes(RobotsCacheMinutes);

    /// <summary>The product token robots.txt groups are matched against: the user agent up to its first '/' or space.</summary>
    public string RobotsToken => UserAgent.Split('/', ' ')[0];

    /// <summary>Every problem, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(UserAgent))
            errors.Add($"{Section}:UserAgent must not be empty.");
        Range(errors, nameof(TimeoutSeconds), TimeoutSeconds, 1, 600);
        if (AllowedContentTypes.Any(t => string.IsNullOrWhiteSpace(t) || t.Contains(';', StringComparison.Ordinal)))
            errors.Add($"{Section}:AllowedContentTypes must list media types such as text/html, without parameters.");
        if (Proxy is not null && (!Uri.TryCreate(Proxy, UriKind.Absolute, out var proxy) || proxy.Scheme != Uri.UriSchemeHttp))
            errors.Add($"{Section}:Proxy must be an absolute http:// URL such as http://proxy.internal:3128 (was '{Proxy}').");
        Range(errors, nameof(ConnectTimeoutSeconds), ConnectTimeoutSeconds, 1, 600);
        Range(errors, nameof(MaxBodyBytes), MaxBodyBytes, 1024, 1L << 30);
        Range(errors, nameof(MaxRedirects), MaxRedirects, 0, 50);
        Range(errors, nameof(ParseTimeoutSeconds), ParseTimeoutSeconds, 0.001, 600);
        Range(errors, nameof(MaxAttempts), MaxAttempts, 1, 100);
        Range(errors, nameof(PollIntervalSeconds), PollIntervalSeconds, 0.01, 3600);
        Range(errors, nameof(Concurrency), Concurrency, 1, 64);
        Range(errors, nameof(LeaseSeconds), LeaseSeconds, 10, 86_400);
        Range(errors, nameof(HostDelaySeconds), HostDelaySeconds, 0, 3600);
        Range(errors, nameof(SourcePollMinutes), SourcePollMinutes, 0, 7 * 24 * 60);
        Range(errors, nameof(RobotsCacheMinutes), RobotsCacheMinutes, 0, 7 * 24 * 60);
        return errors;
    }

    private static void Range(List<string> errors, string name, double value, double min, double max)
    {
        if (value < min || value > max)
            errors.Add($"{Section}:{name} must be between {min} and {max} (was {value}).");
    }
}

/// <summary>Runs <see cref="ScraperOptions.Validate"/> for the options pipeline (ValidateOnStart in the worker host).</summary>
internal sealed class ScraperOptionsValidator : IValidateOptions<ScraperOptions>
{
    public ValidateOptionsResult Validate(string? name, ScraperOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
