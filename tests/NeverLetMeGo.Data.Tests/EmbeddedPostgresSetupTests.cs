using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Data.Postgres;
using static NeverLetMeGo.Data.Tests.EmbeddedPostgresTests;

namespace NeverLetMeGo.Data.Tests;

/// <summary>Where the private cluster lives, how it listens, and what it says when it cannot run.</summary>
public sealed class EmbeddedPostgresSetupTests : IAsyncLifetime
{
    private readonly ClusterFolder folder = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await folder.DisposeAsync();

    [Fact]
    public async Task The_server_listens_on_its_unix_socket_only_and_hosts_the_application_database()
    {
        var postgres = await folder.StartAsync();

        Assert.Equal("", await ScalarAsync<string>(postgres.ConnectionString, "show listen_addresses"));
        Assert.Equal(postgres.SocketDirectory, await ScalarAsync<string>(postgres.ConnectionString, "show unix_socket_directories"));
        Assert.Equal(EmbeddedPostgres.DatabaseName, await ScalarAsync<string>(postgres.ConnectionString, "select current_database()"));
        Assert.Equal("UTF8", await ScalarAsync<string>(postgres.ConnectionString, "show server_encoding"));
        Assert.StartsWith(folder.Path, postgres.ClusterDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_keeps_its_pages_in_the_shared_buffers_it_was_given()
    {
        var options = new DatabaseOptions { DataDirectory = folder.Path, SharedBuffers = "144MB" };

        var postgres = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("144MB", await ScalarAsync<string>(postgres.ConnectionString, "show shared_buffers"));
    }

    [Fact]
    public async Task Without_a_connection_string_the_embedded_cluster_is_started_and_migrated()
    {
        var configuration = ReviewsDatabaseTests.Configure(("Database:DataDirectory", folder.Path));

        var (connectionString, isEmbedded) = await ReviewsDatabase.ResolveAsync(configuration, new ListLogger(), CancellationToken.None);

        Assert.True(isEmbedded);
        Assert.Equal(EmbeddedPostgres.Locate(folder.Options, NullLogger.Instance).ConnectionString, connectionString);
        Assert.Equal(Migrator.Versions, await ReviewsDatabaseTests.RecordedAsync(connectionString));
    }

    [Fact]
    public async Task Status_of_a_folder_never_started_says_not_initialised()
    {
        var status = await EmbeddedPostgres.Locate(folder.Options, NullLogger.Instance).GetStatusAsync(CancellationToken.None);

        Assert.False(status.Initialized);
        Assert.False(status.Running);
        Assert.Equal(folder.Path, status.DataDirectory);
    }

    [Fact]
    public async Task Missing_server_programs_give_a_message_that_says_how_to_install_them_or_use_a_server()
    {
        var empty = Path.Combine(folder.Path, "empty-bin");
        Directory.CreateDirectory(empty);
        var options = new DatabaseOptions { DataDirectory = folder.Path, BinDirectory = empty };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => EmbeddedPostgres.StartAsync(options, NullLogger.Instance, CancellationToken.None));

        Assert.Contains(empty, error.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Reviews=Host=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_data_folder_follows_XDG_and_is_a_system_folder_for_root()
    {
        var home = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var expected = !string.IsNullOrEmpty(home) && Path.IsPathRooted(home)
            ? Path.Combine(home, "neverletmego")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "neverletmego");

        Assert.Equal(expected, EmbeddedPostgres.ResolveDataDirectory(null, isRoot: false));
        Assert.Equal("/var/lib/neverletmego", EmbeddedPostgres.ResolveDataDirectory(null, isRoot: true));
        Assert.Equal("/srv/reviews", EmbeddedPostgres.ResolveDataDirectory("/srv/reviews", isRoot: true));
    }

    [Fact]
    public void A_data_folder_too_deep_for_a_unix_socket_is_refused_with_advice()
    {
        var deep = Path.Combine(folder.Path, new string('d', 90));

        var error = Assert.Throws<InvalidOperationException>(
            () => EmbeddedPostgres.Locate(new DatabaseOptions { DataDirectory = deep }, NullLogger.Instance));

        Assert.Contains("Database__DataDirectory", error.Message, StringComparison.Ordinal);
    }
}
