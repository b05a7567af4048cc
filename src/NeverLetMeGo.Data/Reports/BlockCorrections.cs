using Dapper;
using NeverLetMeGo.Core.Decisions;
using NeverLetMeGo.Core.Model;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Reports;

/// <summary>
/// A block's level after a report or an operator's decision, and the reports it has per level (0 none, 1 premise, 2 major).
/// <paramref name="Pending"/>: the reports ask for a lower level, which waits for an operator (<see cref="LevelChangeRequests"/>).
/// </summary>
public sealed record CorrectionResult(short FromLevel, short EffectiveLevel, bool Changed, IReadOnlyDictionary<short, int> ReportsByLevel, bool Pending = false);

/// <summary>A change of a block's effective level: who, when, from, to.</summary>
public sealed record AuditRow(int Ordinal, short FromLevel, short ToLevel, string Actor, DateTimeOffset ChangedAt);

/// <summary>
/// Reader reports and operator corrections of a block's spoiler level. Each call is one transaction holding the review's
/// row lock, so concurrent reports of one block count once each and the threshold is crossed exactly once. Core's
/// CorrectionVote says what the reports do; a change decides the review again (ReviewDecisions) in the same transaction.
/// </summary>
public sealed class BlockCorrections(NpgsqlDataSource db)
{
    // The block's effective level as decided and stored, and who corrected it if anyone did.
    internal const string CurrentLevel = """
        select coalesce(b.decided_level, b.spoiler_level) as level, o.source
        from review_blocks b
        join reviews r on r.id = b.review_id
        left join block_level_overrides o on o.review_id = b.review_id and o.ordinal = b.ordinal
        where b.review_id = @reviewId and b.ordinal = @ordinal
        for update of r
        """;

    internal const string SetLevel = """
        insert into block_level_overrides (review_id, ordinal, level, source) values (@reviewId, @ordinal, @level, @source)
        on conflict (review_id, ordinal) do update set level = excluded.level, source = excluded.source, updated_at = now();
        insert into block_level_audit (review_id, ordinal, from_level, to_level, actor) values (@reviewId, @ordinal, @from, @level, @actor);
        """;

    /// <summary>Stores one client's report (its latest level counts); null when the block does not exist.</summary>
    public async Task<CorrectionResult?> ReportAsync(long reviewId, int ordinal, short level, string client, int threshold, CancellationToken ct)
    {
        const string upsert = """
            insert into block_reports (review_id, ordinal, level, client) values (@reviewId, @ordinal, @level, @client)
            on conflict (review_id, ordinal, client) do update set level = excluded.level, created_at = now();
            select level, count(*)::int as reports from block_reports where review_id = @reviewId and ordinal = @ordinal group by level;
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<Current>(new CommandDefinition(CurrentLevel, new { reviewId, ordinal }, tx, cancellationToken: ct));
        if (current is null)
        {
            return null;
        }

        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(upsert, new { reviewId, ordinal, level, client }, tx, cancellationToken: ct));
        var counts = (await grid.ReadAsync<Count>()).ToDictionary(c => c.Level, c => c.Reports);
        await grid.DisposeAsync();

        var vote = CorrectionVote.Decide(
            counts.ToDictionary(c => (SpoilerLevel)c.Key, c => c.Value), threshold, (SpoilerLevel)current.Level, current.Source == CorrectionSources.Operator);
        var winner = (short)(vote.Winner ?? SpoilerLevel.None);
        if (vote.Outcome == VoteOutcome.Raise)
        {
            var args = new { reviewId, ordinal, level = winner, source = CorrectionSources.Readers, from = current.Level, actor = $"readers ({counts[winner]} reports)" };
            await connection.ExecuteAsync(new CommandDefinition(SetLevel, args, tx, cancellationToken: ct));
            await ReviewDecisions.RedecideAsync(connection, tx, reviewId, ct);
        }
        else if (vote.Outcome == VoteOutcome.AskOperator)
        {
            var args = new { reviewId, ordinal, from = current.Level, to = winner, reports = counts[winner] };
            await connection.ExecuteAsync(new CommandDefinition(LevelChangeRequests.RequestSql, args, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        var changed = vote.Outcome == VoteOutcome.Raise;
        return new CorrectionResult(current.Level, changed ? winner : current.Level, changed, counts, vote.Outcome == VoteOutcome.AskOperator);
    }

    /// <summary>Sets the level outright; null when the block does not exist.</summary>
    public async Task<CorrectionResult?> SetAsync(long reviewId, int ordinal, short level, string actor, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<Current>(new CommandDefinition(CurrentLevel, new { reviewId, ordinal }, tx, cancellationToken: ct));
        if (current is null)
        {
            return null;
        }

        var args = new { reviewId, ordinal, level, source = CorrectionSources.Operator, from = current.Level, actor };
        await connection.ExecuteAsync(new CommandDefinition(SetLevel, args, tx, cancellationToken: ct));
        await ReviewDecisions.RedecideAsync(connection, tx, reviewId, ct);
        await tx.CommitAsync(ct);
        return new CorrectionResult(current.Level, level, current.Level != level, new Dictionary<short, int>());
    }

    /// <summary>The review's level changes, oldest first; null when there is no such review.</summary>
    public async Task<IReadOnlyList<AuditRow>?> AuditAsync(long reviewId, CancellationToken ct)
    {
        const string sql = """
            select ordinal, from_level, to_level, actor, changed_at
            from block_level_audit
            where review_id = @reviewId
            order by changed_at, id
            """;
        const string exists = "select exists (select 1 from reviews where id = @reviewId)";
        await using var connection = await db.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(exists, new { reviewId }, cancellationToken: ct)))
            return null;
        var rows = await connection.QueryAsync<AuditRecord>(new CommandDefinition(sql, new { reviewId }, cancellationToken: ct));
        return rows.Select(r => new AuditRow(r.Ordinal, r.FromLevel, r.ToLevel, r.Actor, SqlMapping.Offset(r.ChangedAt))).ToList();
    }

    internal sealed class Current
    {
        public short Level { get; init; }
        public string? Source { get; init; }
    }

    private sealed class Count
    {
        public short Level { get; init; }
        public int Reports { get; init; }
    }

    private sealed class AuditRecord
    {
        public int Ordinal { get; init; }
        public short FromLevel { get; init; }
        public short ToLevel { get; init; }
        public string Actor { get; init; } = "";
        public DateTime ChangedAt { get; init; }
    }
}
