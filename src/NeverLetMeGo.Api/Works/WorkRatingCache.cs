using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using NeverLetMeGo.Api.Infrastructure;

namespace NeverLetMeGo.Api.Works;

/// <summary>
/// Rendered ratings by work, each valid for one version of the work's rating counters. A request reads the current
/// version (one primary-key row) and reuses the rendered aggregate when it matches, so the rating costs the same for a
/// work with 50,000 reviews as for one with 10, and no more than reading one row. Every process keeps its own copy and
/// checks it against the database on every request, so no instance serves a stale rating.
/// </summary>
internal sealed class WorkRatingCache
{
    /// <summary>Ratings kept at most (each a few KB: the counters and the first page of contributions).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<long, Entry> entries = new();

    public bool TryGet(long workId, long version, out WorkRatingResponse response)
    {
        if (entries.TryGetValue(workId, out var entry) && entry.Version == version)
        {
            response = entry.Response;
            return true;
        }

        response = null!;
        return false;
    }

    public void Set(long workId, long version, WorkRatingResponse response)
    {
        // Full: drop an arbitrary entry; a dropped rating costs one full read when next asked for.
        if (entries.Count >= Capacity && !entries.ContainsKey(workId))
        {
            foreach (var key in entries.Keys)
            {
                entries.TryRemove(key, out _);
                break;
            }
        }

        entries[workId] = new Entry(version, response);
    }

    /// <summary>The strong ETag of a work's rating at a version.</summary>
    public static EntityTagHeaderValue Tag(long workId, long version)
        => ETags.Tag(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"rating|{ETags.Build}|{workId}|{version}")));

    private sealed record Entry(long Version, WorkRatingResponse Response);
}
