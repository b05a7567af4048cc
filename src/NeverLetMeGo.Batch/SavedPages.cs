namespace NeverLetMeGo.Batch;

/// <summary>Which files of a folder are saved pages: *.html and *.htm, in any case, in name order.</summary>
public static class SavedPages
{
    /// <summary>The saved pages directly in <paramref name="directory"/>, full paths in ordinal name order.</summary>
    public static IReadOnlyList<string> In(string directory) =>
        [.. Directory.EnumerateFiles(directory).Where(IsPage).Select(Path.GetFullPath).Order(StringComparer.Ordinal)];

    // Saved pages end in .html or .htm, in any case ("Review.HTM" from an older Windows "Save as").
    public static bool IsPage(string file) =>
        Path.GetExtension(file) is var extension
        && (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase));
}
