using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Works;
using NeverLetMeGo.Ingestion;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Data.Tests;

public sealed class SampleCorpusTests
{
    [Fact]
    public async Task The_samples_are_imported_once_even_when_two_processes_start_together()
    {
        await using var scratch = await ScratchDatabase.CreateAsync();
        var db = scratch.DataSource;
        var pages = SamplePages.All;

        var together = await Task.WhenAll(
            SampleCorpus.ImportOnceAsync(db, SamplePages.Directory, NullLogger.Instance, CancellationToken.None),
            SampleCorpus.ImportOnceAsync(db, SamplePages.Directory, NullLogger.Instance, CancellationToken.None));
        var later = await SampleCorpus.ImportOnceAsync(db, SamplePages.Directory, NullLogger.Instance, CancellationToken.None);

        Assert.NotEmpty(pages);
        Assert.Equal([0, pages.Count], together.Order());
        Assert.Equal(0, later);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(pages.Count, await connection.ExecuteScalarAsync<int>("select count(*) from reviews"));
        Assert.True(await connection.ExecuteScalarAsync<bool>("select exists (select from app_state where key = @key)", new { key = SampleCorpus.ImportedKey }));
    }

    [Fact]
    public async Task The_samples_are_all_reviews_of_never_let_me_go()
    {
        await using var scratch = await ScratchDatabase.CreateAsync();
        var db = scratch.DataSource;

        await SampleCorpus.ImportOnceAsync(db, SamplePages.Directory, NullLogger.Instance, CancellationToken.None);

        var works = await new WorkQueries(db).ListAsync(10, null, CancellationToken.None);
        var work = Assert.Single(works);
        Assert.Equal("never let me go", work.Title.ToLowerInvariant());
        Assert.Equal(SamplePages.All.Count, work.ReviewCount);
    }

    [Fact]
    public async Task A_missing_samples_folder_imports_nothing_and_is_tried_again_later()
    {
        await using var scratch = await ScratchDatabase.CreateAsync();
        var db = scratch.DataSource;
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var none = await SampleCorpus.ImportOnceAsync(db, missing, NullLogger.Instance, CancellationToken.None);
        var afterwards = await SampleCorpus.ImportOnceAsync(db, SamplePages.Directory, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(0, none);
        Assert.Equal(SamplePages.All.Count, afterwards);
    }
}
