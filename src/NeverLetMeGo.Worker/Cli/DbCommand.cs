using System.CommandLine;
using Microsoft.Extensions.Configuration;
using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg db status|stop`: the private PostgreSQL cluster used when no connection string is configured.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var status = new Command("status", "Show where the embedded cluster lives and whether it runs.");
        CliAction.Set(status, context, (_, ct) => StatusAsync(context, ct));
        var stop = new Command("stop", "Stop the embedded cluster (fast shutdown; the API and workers using it lose their connections).");
        CliAction.Set(stop, context, (_, ct) => StopAsync(context, ct));
        return new Command("db", "Manage the embedded PostgreSQL cluster.") { status, stop };
    }

    private static async Task<int> StatusAsync(CliContext context, CancellationToken ct)
    {
        var state = await Locate(context).GetStatusAsync(ct);
        var output = context.Out;
        if (!string.IsNullOrWhiteSpace(context.Configuration.GetConnectionString("Reviews")))
            output.WriteLine("Note: ConnectionStrings:Reviews is set, so nlmg uses that server, not this cluster.");
        output.WriteLine($"State:      {(state.Running ? "running" : state.Initialized ? "stopped" : "not initialised")}");
        output.WriteLine($"Data:       {state.DataDirectory}");
        output.WriteLine($"Socket:     {state.SocketDirectory}");
        output.WriteLine($"Log:        {state.LogPath}");
        output.WriteLine($"Binaries:   {state.BinDirectory}");
        output.WriteLine($"Connection: {state.ConnectionString}");
        if (state.Initialized && !string.IsNullOrWhiteSpace(state.Details))
            output.WriteLine(state.Details.TrimEnd());
        return ExitCodes.Ok;
    }

    private static async Task<int> StopAsync(CliContext context, CancellationToken ct)
    {
        var postgres = Locate(context);
        var stopped = await postgres.StopAsync(ct);
        context.Out.WriteLine(stopped
            ? $"Stopped the embedded PostgreSQL in {postgres.DataDirectory}."
            : $"The embedded PostgreSQL in {postgres.DataDirectory} is not running.");
        return ExitCodes.Ok;
    }

    private static EmbeddedPostgres Locate(CliContext context)
    {
        var options = context.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        try
        {
            return EmbeddedPostgres.Locate(options, context.Logger("NeverLetMeGo.Database"));
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
