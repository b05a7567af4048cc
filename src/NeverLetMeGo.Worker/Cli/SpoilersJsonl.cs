using System.Globalization;
using NeverLetMeGo.Core.Spoilers.Scoring;

namespace NeverLetMeGo.Worker.Cli;

/// <summary>Reads a sentence file (<see cref="SentenceJsonl"/>); a bad line is an error naming the file and line number.</summary>
internal static class SpoilersJsonl
{
    public static List<LabelledSentence> Read(string path, bool labelled)
    {
        if (!File.Exists(path))
            throw new CliException($"no such file: {path}");
        var rows = new List<LabelledSentence>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                rows.Add(SentenceJsonl.Parse(line, labelled));
            }
            catch (FormatException ex)
            {
                throw new CliException($"{path}:{number}: {ex.Message}");
            }
        }

        if (rows.Count == 0)
            throw new CliException($"{path} holds no sentences");
        return rows;
    }

    public static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
