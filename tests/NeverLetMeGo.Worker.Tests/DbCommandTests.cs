using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>`nlmg db` against a data folder that holds no cluster: it reports and stops nothing, and starts nothing.</summary>
public sealed class DbCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"nlmg-db-{Guid.NewGuid().ToString("N")[..8]}");

    private IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:DataDirectory"] = _folder };

    [Fact]
    public async Task Db_status_reports_an_uninitialised_cluster_and_its_folders()
    {
        var result = await Nlmg.RunAsync(Settings, "db", "status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("State:      not initialised", result.OutLines);
        Assert.Contains($"Data:       {_folder}", result.OutLines);
        Assert.False(File.Exists(Path.Combine(_folder, "pgdata", "PG_VERSION")));
    }

    [Fact]
    public async Task Db_stop_says_when_nothing_runs()
    {
        var result = await Nlmg.RunAsync(Settings, "db", "stop");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([$"The embedded PostgreSQL in {_folder} is not running."], result.OutLines);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
