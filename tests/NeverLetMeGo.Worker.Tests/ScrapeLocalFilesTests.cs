using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

public sealed class ScrapeLocalFilesTests(WorkerDatabase database) : IClassFixture<WorkerDatabase>
{
    [Fact]
    public async Task Scraping_a_directory_stores_each_of_its_html_files()
    {
        var result = await Nlmg.RunAsync(database.Settings(), "scrape", SamplePages.Directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Stored 4 (created 4, updated 0), unchanged 0, failed 0"], result.OutLines);
        Assert.Equal(4, await database.CountAsync("select count(*) from reviews"));
    }

    [Fact]
    public async Task Migrate_reports_an_up_to_date_database()
    {
        var result = await Nlmg.RunAsync(database.Settings(), "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Database is up to date."], result.OutLines);
    }
}
