using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Worker.Scraping;

/// <summary>Shows a scrape's progress as pages finish.</summary>
internal interface IScrapeProgress
{
    void Report(ScrapeItemResult result, ScrapeSummary soFar);

    void Finish();
}

/// <summary>One line rewritten in place, for a person watching a terminal.</summary>
internal sealed class TerminalProgress(TextWriter error) : IScrapeProgress
{
    private int _lastLength;

    public void Report(ScrapeItemResult result, ScrapeSummary soFar)
    {
        var line = $"[{soFar.Done}/{soFar.Total}] stored {soFar.Stored}, unchanged {soFar.Unchanged}, failed {soFar.Failed} — {result.Input}";
        line = Fit(line);
        error.Write('\r' + line.PadRight(_lastLength));
        error.Flush();
        _lastLength = line.Length;
    }

    public void Finish()
    {
        if (_lastLength > 0)
            error.WriteLine();
    }

    private static string Fit(string line)
    {
        int width;
        try
        {
            width = Console.WindowWidth;
        }
        catch (IOException)
        {
            return line;
        }
        // Wrapping would break the carriage-return trick, so long URLs are cut.
        return width > 10 && line.Length >= width ? line[..(width - 2)] + "…" : line;
    }
}

/// <summary>One structured log line per page, for logs and redirected output.</summary>
internal sealed class LogProgress(ILogger logger) : IScrapeProgress
{
    public void Report(ScrapeItemResult result, ScrapeSummary soFar)
    {
        if (result.Saved is { } saved)
        {
            logger.LogInformation("[{Done}/{Total}] {Outcome} {Url} as review {ReviewId}",
                soFar.Done, soFar.Total, saved.Outcome, result.Input, saved.ReviewId);
        }
        else
        {
            logger.LogWarning("[{Done}/{Total}] Failed {Url}: {Reason}", soFar.Done, soFar.Total, result.Input, result.Failure);
        }
    }

    public void Finish()
    {
    }
}
