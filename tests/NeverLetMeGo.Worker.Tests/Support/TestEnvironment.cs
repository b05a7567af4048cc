using System.Runtime.CompilerServices;

namespace NeverLetMeGo.Worker.Tests.Support;

internal static class TestEnvironment
{
    /// <summary>
    /// The local test servers listen on 127.0.0.1, which the fetcher refuses by default: every `nlmg` these tests run,
    /// in-process or as a child process, allow-lists it through the environment, as an operator would.
    /// </summary>
#pragma warning disable CA2255 // Must hold before the first test builds its configuration.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void AllowLoopback() => Environment.SetEnvironmentVariable("Scraper__AllowedHosts__0", "127.0.0.1");
}
