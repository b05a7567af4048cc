using System.Globalization;
using System.Text;
using NeverLetMeGo.Data.Jobs;

namespace NeverLetMeGo.Api.Operations;

/// <summary>The Prometheus text exposition format (0.0.4) of the scrape counters and the queue depth.</summary>
internal static class PrometheusText
{
    public static string Write(IReadOnlyList<MetricValue> values, IReadOnlyDictionary<string, long> queue)
    {
        var text = new StringBuilder();
        Counter(text, "nlmg_pages_fetched_total", "Pages fetched (any HTTP answer).", Value(values, ScrapeMetrics.Fetched, ""));
        Counter(text, "nlmg_pages_stored_total", "Pages extracted and stored (created or updated).", Value(values, ScrapeMetrics.Stored, ""));
        Counter(text, "nlmg_pages_unchanged_total", "Re-scrapes answered 304 or with an unchanged body.", Value(values, ScrapeMetrics.Unchanged, ""));

        Labelled(text, values, "nlmg_pages_failed_total", ScrapeMetrics.Failed,
            "Pages given up on: jobs that ended dead (retries exhausted or a permanent failure), by the last failure's reason.");
        Labelled(text, values, "nlmg_scrape_attempts_failed_total", ScrapeMetrics.AttemptsFailed,
            "Failed scrape attempts (fetch or extraction) by reason, those that will be retried included.");

        text.Append("# HELP nlmg_fetch_duration_seconds Time to fetch a page: headers and body, every redirect hop, not the wait for the host's turn.\n# TYPE nlmg_fetch_duration_seconds histogram\n");
        foreach (var bound in ScrapeMetrics.Buckets)
        {
            var label = ScrapeMetrics.BucketLabel(bound);
            text.Append(CultureInfo.InvariantCulture, $"nlmg_fetch_duration_seconds_bucket{{le=\"{label}\"}} {Number(Value(values, ScrapeMetrics.LatencyBucket, label))}\n");
        }
        var count = Value(values, ScrapeMetrics.LatencyCount, "");
        text.Append(CultureInfo.InvariantCulture, $"nlmg_fetch_duration_seconds_bucket{{le=\"+Inf\"}} {Number(count)}\n");
        text.Append(CultureInfo.InvariantCulture, $"nlmg_fetch_duration_seconds_sum {Number(Value(values, ScrapeMetrics.LatencySum, ""))}\n");
        text.Append(CultureInfo.InvariantCulture, $"nlmg_fetch_duration_seconds_count {Number(count)}\n");

        text.Append("# HELP nlmg_scrape_jobs Scrape jobs by state.\n# TYPE nlmg_scrape_jobs gauge\n");
        foreach (var (state, jobs) in queue.OrderBy(q => q.Key, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"nlmg_scrape_jobs{{state=\"{Escape(state)}\"}} {jobs}\n");
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {Number(value)}\n");

    private static void Labelled(StringBuilder text, IReadOnlyList<MetricValue> values, string metric, string name, string help)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {metric} {help}\n# TYPE {metric} counter\n");
        foreach (var value in values.Where(v => v.Name == name))
            text.Append(CultureInfo.InvariantCulture, $"{metric}{{reason=\"{Escape(value.Label)}\"}} {Number(value.Value)}\n");
    }

    private static double Value(IReadOnlyList<MetricValue> values, string name, string label) =>
        values.FirstOrDefault(v => v.Name == name && v.Label == label)?.Value ?? 0;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
