using NeverLetMeGo.Data.Reviews;

namespace NeverLetMeGo.Worker.Scraping;

/// <summary>What happened to one input: saved (with the store's outcome) or failed with a reason.</summary>
internal sealed record ScrapeItemResult(int Index, string Input, SaveResult? Saved, string? Failure);

/// <summary>Running totals of a scrape; written as the final report.</summary>
internal sealed class ScrapeSummary(int total)
{
    private readonly List<ScrapeItemResult> _failures = [];

    public int Total => total;
    public int Done { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Stored => Created + Updated;
    public int Failed => _failures.Count;
    public IReadOnlyList<ScrapeItemResult> Failures => _failures;

    public void Add(ScrapeItemResult result)
    {
        Done++;
        switch (result.Saved?.Outcome)
        {
            case SaveOutcome.Created: Created++; break;
            case SaveOutcome.Updated: Updated++; break;
            case SaveOutcome.Unchanged: Unchanged++; break;
            default: _failures.Add(result); break;
        }
    }

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"Stored {Stored} (created {Created}, updated {Updated}), unchanged {Unchanged}, failed {Failed}");
        // Input order, not completion order, so the report reads the same on every run.
        foreach (var failure in _failures.OrderBy(f => f.Index))
            output.WriteLine($"FAILED {failure.Input}: {failure.Failure}");
    }
}
