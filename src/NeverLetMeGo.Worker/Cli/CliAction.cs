using System.CommandLine;
using Microsoft.Extensions.Logging;
using NeverLetMeGo.Worker.Scraping;

namespace NeverLetMeGo.Worker.Cli;

internal static class CliAction
{
    /// <summary>Runs <paramref name="action"/> and turns failures into a one-line message on stderr and an exit code.</summary>
    public static void Set(Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await action(parse, ct);
            }
            catch (CliException ex)
            {
                context.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Error;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                context.Error.WriteLine("Cancelled.");
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (Failures.IsInfrastructure(ex))
            {
                context.Error.WriteLine($"error: database unavailable: {ex.Message}");
                return ExitCodes.Error;
            }
            catch (Exception ex)
            {
                context.Logger("nlmg").LogDebug(ex, "Command {Command} failed", command.Name);
                context.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Error;
            }
        });
    }
}
