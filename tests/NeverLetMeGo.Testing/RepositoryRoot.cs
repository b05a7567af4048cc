namespace NeverLetMeGo.Testing;

/// <summary>The checkout's top folder, found by walking up from the test binaries to NeverLetMeGo.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NeverLetMeGo.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NeverLetMeGo.sln not found above {AppContext.BaseDirectory}.");
    }
}
