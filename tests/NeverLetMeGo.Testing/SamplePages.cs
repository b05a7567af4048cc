namespace NeverLetMeGo.Testing;

/// <summary>The sample corpus (samples/*.html), copied next to the test binaries.</summary>
public static class SamplePages
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "samples");

    public static IReadOnlyList<string> All => [.. System.IO.Directory.GetFiles(Directory, "*.html").Order(StringComparer.Ordinal)];

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
