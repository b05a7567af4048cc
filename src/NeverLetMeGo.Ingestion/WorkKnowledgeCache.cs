using System.Collections.Concurrent;
using NeverLetMeGo.Core.Spoilers;
using NeverLetMeGo.Data.Knowledge;

namespace NeverLetMeGo.Ingestion;

/// <summary>
/// What the tagger knows of a stored work (its vocabulary, its operators' spoiler terms), by the title a page names. The
/// store reads the vocabulary kept in the database, or builds and keeps it from the texts of the work's newest reviews
/// when the work has grown (WorkKnowledgeStore.FindKnowledgeAsync); either way one work's knowledge is reused here for a
/// minute: a new term reaches pages scraped after that, and `nlmg retag` brings stored reviews up to date.
/// </summary>
public sealed class WorkKnowledgeCache(WorkKnowledgeStore store, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int MaxWorks = 1024;

    private readonly ConcurrentDictionary<string, (WorkKnowledge Knowledge, DateTimeOffset Until)> _works = new(StringComparer.Ordinal);

    /// <summary>The knowledge of the stored work named <paramref name="title"/>; null when no such work is stored yet.</summary>
    public async Task<WorkKnowledge?> GetAsync(string title, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_works.TryGetValue(title, out var hit) && hit.Until > now)
            return hit.Knowledge;
        if (await store.FindKnowledgeAsync(title, ct) is not { } knowledge)
            return null;

        if (_works.Count >= MaxWorks)
            _works.Clear();
        _works[title] = (knowledge, now + Lifetime);
        return knowledge;
    }
}
