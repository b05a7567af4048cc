using NeverLetMeGo.Worker.Cli;
using Npgsql;

namespace NeverLetMeGo.Worker.Tests;

public sealed class DataSourceTests
{
    [Fact]
    public void Nlmg_prepares_its_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        using var prepared = CliContext.CreateDataSource("Host=/tmp/nowhere;Username=postgres");
        using var disabled = CliContext.CreateDataSource("Host=/tmp/nowhere;Username=postgres;Max Auto Prepare=0");
        using var own = CliContext.CreateDataSource("Host=/tmp/nowhere;Username=postgres;MaxAutoPrepare=5");

        var settings = new NpgsqlConnectionStringBuilder(prepared.ConnectionString);
        Assert.Equal((64, 2), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(disabled.ConnectionString).MaxAutoPrepare);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(own.ConnectionString).MaxAutoPrepare);
    }
}
