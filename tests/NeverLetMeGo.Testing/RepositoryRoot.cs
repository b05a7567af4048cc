using System.Reflection;

namespace NeverLetMeGo.Testing;

/// <summary>The checkout's top folder, recorded at build time (see the csproj), checked by the presence of NeverLetMeGo.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(System.IO.Path.Combine(recorded, "NeverLetMeGo.sln")))
        {
            return recorded;
        }

        throw new InvalidOperationException($"NeverLetMeGo.sln not found at the recorded repository root '{recorded}'; rebuild the tests from the checkout.");
    }
}
