using System.CommandLine;
using NeverLetMeGo.Ingestion;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>`nlmg import-samples [dir]`: stores the sample corpus once per database (what the embedded default does on first start).</summary>
internal static class ImportSamplesCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("dir")
        {
            Description = "Folder of sample *.html pages (default: the samples folder next to nlmg).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "samples"),
        };
        var command = new Command("import-samples", "Import the sample reviews unless this database already has them.") { directory };
        CliAction.Set(command, context, (parse, ct) => RunAsync(context, parse.GetRequiredValue(directory), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string directory, CancellationToken ct)
    {
        var folder = Path.GetFullPath(directory);
        if (!Directory.Exists(folder))
            throw new CliException($"no sample folder at {folder}");

        await using var db = await context.OpenDatabaseAsync(ct);
        var imported = await SampleCorpus.ImportOnceAsync(db, folder, context.Logger("NeverLetMeGo.Samples"), ct);
        context.Out.WriteLine(imported > 0
            ? $"Imported {imported} sample reviews from {folder}."
            : "The sample corpus was imported before; nothing to do.");
        return ExitCodes.Ok;
    }
}
