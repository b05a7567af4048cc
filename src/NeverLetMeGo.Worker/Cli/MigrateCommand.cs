using System.CommandLine;
using Microsoft.Extensions.Configuration;
using NeverLetMeGo.Data.Postgres;
using Npgsql;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg migrate`: applies db/migrations to the configured server (or the embedded cluster) and lists what it applied.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Apply pending database migrations and print their names.");
        CliAction.Set(command, context, (_, ct) => RunAsync(context, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        // Resolving normally migrates on the way; here the migration is the point, so it runs below where its result is seen.
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(context.Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateOnStart)}"] = "false" })
            .Build();
        var logger = context.Logger("NeverLetMeGo.Database");
        var (connectionString, _) = await ReviewsDatabase.ResolveAsync(configuration, logger, ct);

        await using var db = NpgsqlDataSource.Create(connectionString);
        var applied = await Migrator.MigrateAsync(db, logger, ct);
        if (applied.Count == 0)
        {
            context.Out.WriteLine("Database is up to date.");
            return ExitCodes.Ok;
        }
        foreach (var name in applied)
            context.Out.WriteLine($"Applied {name}");
        return ExitCodes.Ok;
    }
}
