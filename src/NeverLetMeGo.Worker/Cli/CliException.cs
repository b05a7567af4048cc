namespace NeverLetMeGo.Worker.Cli;

/// <summary>A failure the operator can act on; printed as "error: message" with exit code 1, no stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);

internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad usage, bad configuration or broken infrastructure (database unreachable).</summary>
    public const int Error = 1;
    /// <summary>The run finished but some pages failed.</summary>
    public const int PagesFailed = 2;
    public const int Cancelled = 130;
}
