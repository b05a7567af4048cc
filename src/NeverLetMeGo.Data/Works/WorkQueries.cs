using Npgsql;

namespace NeverLetMeGo.Data.Works;

public sealed class WorkQueries(NpgsqlDataSource db)
{
    /// <summary>Works by title, up to limit, strictly after the given id in (title, id) order.</summary>
    public Task<IReadOnlyList<WorkRow>> ListAsync(int limit, long? afterId, CancellationToken ct) => throw new NotImplementedException(db.ToString());

    public Task<WorkRow?> GetAsync(long id, CancellationToken ct) => throw new NotImplementedException();

    public Task<WorkRatingRow> GetRatingAsync(long workId, CancellationToken ct) => throw new NotImplementedException();
}
