using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class ImportSamplesTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task Import_samples_stores_the_corpus_once()
    {
        var first = await Nlmg.RunAsync(database.Settings(), "import-samples");
        var second = await Nlmg.RunAsync(database.Settings(), "import-samples");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal([$"Imported 4 sample reviews from {SamplePages.Directory}."], first.OutLines);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(["The sample corpus was imported before; nothing to do."], second.OutLines);
        Assert.Equal(4, await database.CountAsync("select count(*) from reviews"));
    }

    [Fact]
    public async Task Import_samples_from_a_missing_folder_fails_with_its_path()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"nlmg-{Guid.NewGuid():N}");

        var result = await Nlmg.RunAsync(database.Settings(), "import-samples", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: no sample folder at {folder}", result.Error.Trim());
    }
}
