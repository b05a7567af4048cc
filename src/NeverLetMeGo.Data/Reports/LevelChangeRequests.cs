using Dapper;
using NeverLetMeGo.Data.Reviews;
using Npgsql;

namespace NeverLetMeGo.Data.Reports;

/// <summary>Readers' reports asking for a lower level than a block has, waiting for an operator (or decided).</summary>
public sealed record LevelChangeRequest(
    long Id, long ReviewId, int Ordinal, short FromLevel, short ToLevel, int Reports, string State, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy);

public static class LevelRequestStates
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } = [Pending, Accepted, Rejected];
}

/// <summary>What an operator's decision on a request did: not found, no longer pending, or decided (with the request after it).</summary>
public enum DecisionOutcome
{
    NotFound,
    NotPending,
    Decided,
}

/// <summary>The operator queue of level-lowering requests (level_requests). A decision is audited like any level change.</summary>
public sealed class LevelChangeRequests(NpgsqlDataSource db)
{
    private const string Columns = "id, review_id, ordinal, from_level, to_level, reports, state, created_at, decided_at, decided_by";

    /// <summary>Opens the block's pending request, or updates its level and count (run inside a report's transaction).</summary>
    internal const string RequestSql = """
        insert into level_requests (review_id, ordinal, from_level, to_level, reports) values (@reviewId, @ordinal, @from, @to, @reports)
        on conflict (review_id, ordinal) where state = 'pending'
        do update set from_level = excluded.from_level, to_level = excluded.to_level, reports = excluded.reports
        """;

    /// <summary>Oldest first, one state, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<LevelChangeRequest>> ListAsync(string state, int limit, CancellationToken ct)
    {
        const string sql = $"select {Columns} from level_requests where state = @state order by id limit @limit";
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Record>(new CommandDefinition(sql, new { state, limit }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToRequest())];
    }

    /// <summary>
    /// Accepts (the block takes the requested level, set by the operator, audited) or rejects a pending request; one
    /// transaction holding the review's row lock, like every level change.
    /// </summary>
    public async Task<(DecisionOutcome Outcome, LevelChangeRequest? Request)> DecideAsync(long id, bool accept, string actor, CancellationToken ct)
    {
        const string lockRequest = $"select {Columns} from level_requests where id = @id for update";
        const string decide = $"""
            update level_requests set state = @state, decided_at = now(), decided_by = @actor where id = @id
            returning {Columns}
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var request = await connection.QuerySingleOrDefaultAsync<Record>(new CommandDefinition(lockRequest, new { id }, tx, cancellationToken: ct));
        if (request is null)
            return (DecisionOutcome.NotFound, null);
        if (request.State != LevelRequestStates.Pending)
            return (DecisionOutcome.NotPending, request.ToRequest());

        if (accept)
        {
            var block = new { reviewId = request.ReviewId, ordinal = request.Ordinal };
            var current = await connection.QuerySingleAsync<BlockCorrections.Current>(new CommandDefinition(BlockCorrections.CurrentLevel, block, tx, cancellationToken: ct));
            var args = new { block.reviewId, block.ordinal, level = request.ToLevel, source = CorrectionSources.Operator, from = current.Level, actor = $"{actor} (accepted {request.Reports} reader reports)" };
            await connection.ExecuteAsync(new CommandDefinition(BlockCorrections.SetLevel, args, tx, cancellationToken: ct));
            await ReviewDecisions.RedecideAsync(connection, tx, request.ReviewId, ct);
        }

        var state = accept ? LevelRequestStates.Accepted : LevelRequestStates.Rejected;
        var decided = await connection.QuerySingleAsync<Record>(new CommandDefinition(decide, new { id, state, actor }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (DecisionOutcome.Decided, decided.ToRequest());
    }

    private sealed class Record
    {
        public long Id { get; init; }
        public long ReviewId { get; init; }
        public int Ordinal { get; init; }
        public short FromLevel { get; init; }
        public short ToLevel { get; init; }
        public int Reports { get; init; }
        public string State { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? DecidedAt { get; init; }
        public string? DecidedBy { get; init; }

        public LevelChangeRequest ToRequest() => new(
            Id, ReviewId, Ordinal, FromLevel, ToLevel, Reports, State, SqlMapping.Offset(CreatedAt), SqlMapping.Offset(DecidedAt), DecidedBy);
    }
}
