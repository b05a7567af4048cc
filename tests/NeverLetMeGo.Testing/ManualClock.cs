namespace NeverLetMeGo.Testing;

/// <summary>A TimeProvider that stands still until told to move, for leases and backoff.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start.ToUniversalTime();

    public ManualClock()
        : this(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
            return now;
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
            now += by;
    }
}
