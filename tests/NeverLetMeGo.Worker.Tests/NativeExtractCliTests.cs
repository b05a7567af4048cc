using NeverLetMeGo.Batch;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>
/// `nlmg-extract DIR --out OUT`, the ahead-of-time batch: the same code run here under the JIT. Its files must be the
/// files `nlmg extract DIR --out OUT --no-spoilers` writes, byte for byte (bench/extraction/run checks the same of the
/// NativeAOT binary), and it fails and reports as nlmg does.
/// </summary>
public sealed class NativeExtractCliTests : IDisposable
{
    private readonly string _input = Directory.CreateTempSubdirectory("nlmg-native-in-").FullName;
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"nlmg-native-out-{Guid.NewGuid():N}");
    private readonly string _nlmgOutput = Path.Combine(Path.GetTempPath(), $"nlmg-native-ref-{Guid.NewGuid():N}");

    public NativeExtractCliTests()
    {
        foreach (var page in SamplePages.All)
            File.Copy(page, Path.Combine(_input, Path.GetFileName(page)));
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _input, _output, _nlmgOutput })
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ExtractCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Writes_the_files_nlmg_extract_writes_without_spoilers()
    {
        var native = Run(_input, "--out", _output);
        var nlmg = await Nlmg.RunAsync("extract", _input, "--out", _nlmgOutput, "--no-spoilers");

        Assert.True(native.ExitCode == 0, native.Error);
        Assert.Equal(0, nlmg.ExitCode);
        var written = Directory.GetFiles(_nlmgOutput).Select(Path.GetFileName).Where(f => f != "_timing.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(SamplePages.All.Count * 3, written.Count);
        Assert.Equal(written, Directory.GetFiles(_output).Select(Path.GetFileName).Where(f => f != "_timing.json").Order(StringComparer.Ordinal));
        foreach (var file in written)
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_nlmgOutput, file!)), await File.ReadAllBytesAsync(Path.Combine(_output, file!)));
        Assert.StartsWith($"Extracted {SamplePages.All.Count} of {SamplePages.All.Count} pages: 0 failed, ", native.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "_timing.json")));
    }

    [Fact]
    public void A_broken_page_fails_with_its_reason_and_exit_code_2_and_the_rest_are_written()
    {
        File.WriteAllBytes(Path.Combine(_input, "broken.html"), [0x00, 0xFF, 0x13, 0x37, 0x00, 0x42, 0x00]);

        var (code, output, error) = Run(_input, "--out", _output, "--threads", "2");

        Assert.Equal(ExtractCli.PagesFailed, code);
        Assert.Contains("broken.html: document is not HTML (binary content)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, "broken.json")));
        Assert.All(SamplePages.All, p => Assert.True(File.Exists(Path.Combine(_output, Path.GetFileNameWithoutExtension(p) + ".json"))));
        Assert.Contains(" pages/s (2 threads; ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_over_the_size_limit_fails_with_the_limit()
    {
        var (code, _, error) = Run(_input, "--out", _output, "--max-bytes", "1024");

        Assert.Equal(ExtractCli.PagesFailed, code);
        Assert.Contains("file exceeds 1 KiB", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "no such directory or file: ")]
    [InlineData("empty", "nothing to extract: ")]
    public void Nothing_to_read_is_bad_usage_with_the_reason(string kind, string message)
    {
        var input = kind == "empty" ? Directory.CreateDirectory(Path.Combine(_input, "empty")).FullName : Path.Combine(_input, "missing");

        var (code, _, error) = Run(input, "--out", _output);

        Assert.Equal(ExtractCli.Error, code);
        Assert.Contains(message + input, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_output));
    }

    [Theory]
    [InlineData("--threads", "0", "--threads must be at least 1 (got 0)")]
    [InlineData("--max-bytes", "0", "--max-bytes must be at least 1 (got 0)")]
    public void Bad_numbers_are_refused_with_the_reason(string option, string value, string message)
    {
        var (code, _, error) = Run(_input, "--out", _output, option, value);

        Assert.Equal(ExtractCli.Error, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_out_it_says_out_is_required()
    {
        var (code, _, error) = Run(_input);

        Assert.NotEqual(0, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_output));
    }
}
