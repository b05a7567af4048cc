namespace NeverLetMeGo.Worker.Queue;

/// <summary>Doubling delay for infrastructure failures (1 s up to 30 s); reset by the next success.</summary>
internal sealed class Backoff(TimeProvider clock)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);
    private TimeSpan _next = First;

    public TimeSpan Next => _next;

    public void Reset() => _next = First;

    public async Task WaitAsync(CancellationToken ct)
    {
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(Max.Ticks, _next.Ticks * 2));
        await Task.Delay(delay, clock, ct);
    }
}
