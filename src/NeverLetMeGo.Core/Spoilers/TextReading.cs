namespace NeverLetMeGo.Core.Spoilers;

/// <summary>
/// What tagging one text learned that a text answering it needs: the stems of the rare words its hidden sentences used
/// (<see cref="RevealedTermSignal"/>). A comment is tagged against its article's reading.
/// </summary>
public sealed record TextReading(IReadOnlySet<string> Revealed)
{
    public static TextReading Empty { get; } = new(new HashSet<string>());
}
