using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using NeverLetMeGo.Testing;

namespace NeverLetMeGo.Api.Tests;

/// <summary>The API on the sample corpus with the README's operator key, as a newcomer runs it.</summary>
public sealed class SampleCorpusApi : IAsyncLifetime
{
    public const string ReadmeKey = "a-long-secret";

    private WebApplication? _app;

    public string Authority { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = await ApiApp.BuildAsync([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reviews"] = await PostgresServer.CreateDatabaseAsync(),
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Samples:ImportOnFirstStart"] = "true",
            ["Samples:Directory"] = SamplePages.Directory,
            ["Admin:ApiKeys:0"] = ReadmeKey,
        });
        await _app.StartAsync();
        Authority = new Uri(_app.Urls.First()).Authority;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

public sealed partial class ReadmeExamplesTests(SampleCorpusApi api) : IClassFixture<SampleCorpusApi>
{
    // Each curl reports its status on stderr, and whether a list it answered ("items") was empty; its body still goes
    // to stdout, so pipes and $(…) in the examples work as a reader's shell runs them.
    private const string Wrapper = """
        curl() {
          local out; out=$(mktemp)
          command curl --write-out '%{stderr}NLMG-STATUS %{http_code} ' "$@" > "$out"
          if grep -q '"items":\[\]' "$out"; then echo empty >&2; else echo ok >&2; fi
          cat "$out"; rm -f "$out"
        }

        """;

    [Fact]
    public async Task Every_curl_line_of_the_readme_api_section_answers_the_status_it_documents_with_something_to_show()
    {
        var (script, expected) = Examples(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md")));

        var answered = await RunAsync(Wrapper + script.Replace("localhost:5080", api.Authority, StringComparison.Ordinal));

        Assert.True(expected.Count >= 20, $"only {expected.Count} curl examples found");
        Assert.Equal(expected.Select(e => $"{e.Status} {(e.NoHits ? "empty" : "ok")}  {e.Command}"),
            answered.Select((a, i) => $"{a}  {(i < expected.Count ? expected[i].Command : "")}"));
    }

    /// <summary>The first sh block after "## API": its text, and each curl command with the status its comment documents.</summary>
    private static (string Script, IReadOnlyList<(int Status, bool NoHits, string Command)> Expected) Examples(string readme)
    {
        var section = readme[readme.IndexOf("\n## API", StringComparison.Ordinal)..];
        var start = section.IndexOf("```sh\n", StringComparison.Ordinal) + 6;
        var block = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var expected = new List<(int, bool, string)>();
        var lines = block.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith('#') || !lines[i].Contains("curl ", StringComparison.Ordinal))
                continue;
            var command = lines[i];
            while (command.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
                command += "\n" + lines[++i];
            var status = StatusComment().Match(command);
            Assert.True(status.Success, $"no documented status (# NNN) for: {command}");
            expected.Add((int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), command.Contains("no hits", StringComparison.Ordinal), lines[i].Trim()));
        }

        return (block, expected);
    }

    private static async Task<IReadOnlyList<string>> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = await bash.StandardError.ReadToEndAsync();
        await stdout;
        await bash.WaitForExitAsync();
        return [.. stderr.Split('\n').Where(l => l.StartsWith("NLMG-STATUS ", StringComparison.Ordinal)).Select(l => l["NLMG-STATUS ".Length..])];
    }

    [GeneratedRegex(@"#\s*(\d{3})\b")]
    private static partial Regex StatusComment();
}
