namespace NeverLetMeGo.Worker.Queue;

/// <summary>Per-run switches from the command line (the "Scraper" section holds the rest).</summary>
internal sealed record WorkerRunOptions(bool ExitWhenEmpty, int Concurrency);

/// <summary>Jobs this process finished, for the closing line of a batch run.</summary>
internal sealed class WorkerStats
{
    private int _done;
    private int _failed;

    public int Done => _done;
    public int Failed => _failed;

    public void CountDone() => Interlocked.Increment(ref _done);

    public void CountFailed() => Interlocked.Increment(ref _failed);

    /// <summary>Set when the worker stopped on an unexpected error (not an outage, which it rides out).</summary>
    public Exception? Fault { get; set; }
}
