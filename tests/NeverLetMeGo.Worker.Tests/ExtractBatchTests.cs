using System.Text.Json;
using NeverLetMeGo.Batch;
using NeverLetMeGo.Testing;
using NeverLetMeGo.Worker.Tests.Support;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>`nlmg extract &lt;directory&gt; --out &lt;dir&gt;` and `nlmg-extract`: the sample pages plus a broken one, written to files.</summary>
public sealed class ExtractBatchTests : IDisposable
{
    private readonly string _input = Directory.CreateTempSubdirectory("nlmg-batch-in-").FullName;
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"nlmg-batch-out-{Guid.NewGuid():N}");

    public ExtractBatchTests()
    {
        foreach (var page in SamplePages.All)
            File.Copy(page, Path.Combine(_input, Path.GetFileName(page)));
    }

    public void Dispose()
    {
        Directory.Delete(_input, recursive: true);
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task Batch_writes_json_article_text_and_comment_text_for_every_page()
    {
        var result = await Nlmg.RunAsync("extract", _input, "--out", _output);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var page in SamplePages.All)
        {
            var stem = Path.Combine(_output, Path.GetFileNameWithoutExtension(page));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(stem + ".json"));
            var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
            // The article text is the blocks' text, in order, separated by blank lines.
            Assert.Equal(string.Join("\n\n", blocks) + "\n", await File.ReadAllTextAsync(stem + ".txt"));

            var comments = await File.ReadAllTextAsync(stem + ".comments.txt");
            foreach (var comment in json.RootElement.GetProperty("comments").EnumerateArray())
            {
                foreach (var block in comment.GetProperty("blocks").EnumerateArray())
                    Assert.Contains(block.GetProperty("text").GetString()!, comments, StringComparison.Ordinal);
            }
        }
        Assert.Contains(SamplePages.All, p => new FileInfo(Path.Combine(_output, Path.GetFileNameWithoutExtension(p) + ".comments.txt")).Length > 0);
    }

    [Fact]
    public async Task A_broken_page_is_reported_and_skipped_and_the_rest_are_written()
    {
        await File.WriteAllBytesAsync(Path.Combine(_input, "broken.html"), [0x00, 0xFF, 0x13, 0x37, 0x00, 0x42, 0x00]);

        var result = await Nlmg.RunAsync("extract", _input, "--out", _output, "--threads", "2");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("broken.html: document is not HTML (binary content)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, "broken.json")));
        Assert.All(SamplePages.All, p => Assert.True(File.Exists(Path.Combine(_output, Path.GetFileNameWithoutExtension(p) + ".txt"))));
        var pages = SamplePages.All.Count + 1;
        var summary = Assert.Single(result.OutLines);
        Assert.StartsWith($"Extracted {pages - 1} of {pages} pages: 1 failed, ", summary, StringComparison.Ordinal);
        Assert.Contains(" pages/s (2 threads; ", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_and_sequential_runs_write_the_same_files()
    {
        var parallelOut = _output + "-parallel";
        try
        {
            Assert.Equal(0, (await Nlmg.RunAsync("extract", _input, "--out", _output)).ExitCode);
            Assert.Equal(0, (await Nlmg.RunAsync("extract", _input, "--out", parallelOut, "--threads", "4")).ExitCode);

            foreach (var file in Directory.GetFiles(_output).Where(f => !f.EndsWith("_timing.json", StringComparison.Ordinal)))
                Assert.Equal(await File.ReadAllTextAsync(file), await File.ReadAllTextAsync(Path.Combine(parallelOut, Path.GetFileName(file))));
        }
        finally
        {
            Directory.Delete(parallelOut, recursive: true);
        }
    }

    [Fact]
    public async Task Without_spoiler_tagging_the_batch_writes_the_same_text_and_json_without_spoiler_fields()
    {
        var untagged = _output + "-untagged";
        try
        {
            Assert.Equal(0, (await Nlmg.RunAsync("extract", _input, "--out", _output)).ExitCode);
            var result = await Nlmg.RunAsync("extract", _input, "--out", untagged, "--no-spoilers");

            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var page in SamplePages.All)
            {
                var stem = Path.GetFileNameWithoutExtension(page);
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_output, stem + ".comments.txt")), await File.ReadAllTextAsync(Path.Combine(untagged, stem + ".comments.txt")));
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(untagged, stem + ".json")));
                Assert.Equal(["url", "title", "author", "publishedAt", "siteName", "language", "work", "rating", "extraction", "blocks", "comments"], json.RootElement.EnumerateObject().Select(p => p.Name));
                Assert.All(json.RootElement.GetProperty("blocks").EnumerateArray(), b => Assert.Equal(["index", "kind", "text"], b.EnumerateObject().Select(p => p.Name)));
                var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
                Assert.Equal(string.Join("\n\n", blocks) + "\n", await File.ReadAllTextAsync(Path.Combine(untagged, stem + ".txt")));
            }
        }
        finally
        {
            Directory.Delete(untagged, recursive: true);
        }
    }

    [Fact]
    public async Task A_saved_page_written_as_utf8_is_read_as_utf8_whatever_its_meta_charset_says()
    {
        const string sentence = "Caf\u00E9 Ol\u00E9 \u2014 \u201Cla na\u00EFvet\u00E9\u201D of a film that believes in its characters completely.";
        var html = $"<html><head><meta charset=\"iso-8859-1\"><title>Olé</title></head><body><article><p>{sentence}</p><p>{sentence}</p></article></body></html>";
        await File.WriteAllTextAsync(Path.Combine(_input, "saved.html"), html, new System.Text.UTF8Encoding(false));

        var result = await Nlmg.RunAsync("extract", _input, "--out", _output, "--no-spoilers");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{sentence}\n\n{sentence}\n", await File.ReadAllTextAsync(Path.Combine(_output, "saved.txt")));
    }

    [Fact]
    public async Task No_spoilers_outside_batch_mode_asks_for_out()
    {
        var result = await Nlmg.RunAsync("extract", SamplePages.All[0], "--no-spoilers");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--no-spoilers is for batch mode", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_writes_a_timing_file_the_scorer_reads()
    {
        await Nlmg.RunAsync("extract", _input, "--out", _output);

        using var timing = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "_timing.json")));
        Assert.Equal(SamplePages.All.Count, timing.RootElement.GetProperty("pages").GetInt32());
        Assert.True(timing.RootElement.GetProperty("pages_per_s").GetDouble() > 0);
    }

    [Theory]
    [InlineData("--threads", "0", "--threads must be at least 1 (got 0)")]
    [InlineData("--threads", "1", "nothing to extract")]
    public async Task Bad_batch_arguments_fail_with_the_reason(string option, string value, string message)
    {
        var empty = Directory.CreateTempSubdirectory("nlmg-batch-empty-").FullName;
        try
        {
            var result = await Nlmg.RunAsync("extract", empty, "--out", _output, option, value);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task A_directory_without_out_asks_for_it()
    {
        var result = await Nlmg.RunAsync("extract", _input);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("give --out <dir>", result.Error, StringComparison.Ordinal);
    }

    // A page saved by an older Windows "Save as" is Review.HTM: the batch read only *.html and said the folder held none.
    [Fact]
    public async Task Pages_saved_as_htm_in_any_case_are_read_too()
    {
        var folder = Directory.CreateTempSubdirectory("nlmg-batch-htm-").FullName;
        try
        {
            File.Copy(SamplePages.All[0], Path.Combine(folder, "Review.HTM"));
            File.Copy(SamplePages.All[1], Path.Combine(folder, "other.htm"));
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a page");

            var result = await Nlmg.RunAsync("extract", folder, "--out", _output, "--no-spoilers");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.True(File.Exists(Path.Combine(_output, "Review.txt")));
            Assert.True(File.Exists(Path.Combine(_output, "other.txt")));
            Assert.False(File.Exists(Path.Combine(_output, "notes.txt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // `nlmg-extract DIR --out OUT`, the ahead-of-time batch, run here under the JIT: its files must be the files
    // `nlmg extract DIR --out OUT --no-spoilers` writes, byte for byte (bench/extraction/run checks the same of the
    // NativeAOT binary), and it fails and reports as nlmg does.
    private static (int ExitCode, string Out, string Error) Native(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ExtractCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Native_extract_writes_the_files_nlmg_extract_writes_without_spoilers()
    {
        var nlmgOutput = _output + "-nlmg";
        var native = Native(_input, "--out", _output);
        var nlmg = await Nlmg.RunAsync("extract", _input, "--out", nlmgOutput, "--no-spoilers");
        try
        {

            Assert.True(native.ExitCode == 0, native.Error);
            Assert.Equal(0, nlmg.ExitCode);
            var written = Directory.GetFiles(nlmgOutput).Select(Path.GetFileName).Where(f => f != "_timing.json").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(SamplePages.All.Count * 3, written.Count);
            Assert.Equal(written, Directory.GetFiles(_output).Select(Path.GetFileName).Where(f => f != "_timing.json").Order(StringComparer.Ordinal));
            foreach (var file in written)
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(nlmgOutput, file!)), await File.ReadAllBytesAsync(Path.Combine(_output, file!)));
            Assert.StartsWith($"Extracted {SamplePages.All.Count} of {SamplePages.All.Count} pages: 0 failed, ", native.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_output, "_timing.json")));
        }
        finally
        {
            if (Directory.Exists(nlmgOutput))
                Directory.Delete(nlmgOutput, recursive: true);
        }
    }

    [Fact]
    public void Native_extract_fails_a_broken_page_with_its_reason_and_exit_code_2_and_writes_the_rest()
    {
        File.WriteAllBytes(Path.Combine(_input, "broken.html"), [0x00, 0xFF, 0x13, 0x37, 0x00, 0x42, 0x00]);

        var (code, output, error) = Native(_input, "--out", _output, "--threads", "2");

        Assert.Equal(ExtractCli.PagesFailed, code);
        Assert.Contains("broken.html: document is not HTML (binary content)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, "broken.json")));
        Assert.All(SamplePages.All, p => Assert.True(File.Exists(Path.Combine(_output, Path.GetFileNameWithoutExtension(p) + ".json"))));
        Assert.Contains(" pages/s (2 threads; ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_extract_fails_a_page_over_the_size_limit_with_the_limit()
    {
        var (code, _, error) = Native(_input, "--out", _output, "--max-bytes", "1024");

        Assert.Equal(ExtractCli.PagesFailed, code);
        Assert.Contains("file exceeds 1 KiB", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "no such directory or file: ")]
    [InlineData("empty", "nothing to extract: ")]
    public void Native_extract_with_nothing_to_read_is_bad_usage_with_the_reason(string kind, string message)
    {
        var input = kind == "empty" ? Directory.CreateDirectory(Path.Combine(_input, "empty")).FullName : Path.Combine(_input, "missing");

        var (code, _, error) = Native(input, "--out", _output);

        Assert.Equal(ExtractCli.Error, code);
        Assert.Contains(message + input, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_output));
    }

    [Theory]
    [InlineData("--threads", "0", "--threads must be at least 1 (got 0)")]
    [InlineData("--max-bytes", "0", "--max-bytes must be at least 1 (got 0)")]
    public void Native_extract_refuses_bad_numbers_with_the_reason(string option, string value, string message)
    {
        var (code, _, error) = Native(_input, "--out", _output, option, value);

        Assert.Equal(ExtractCli.Error, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_extract_without_out_says_out_is_required()
    {
        var (code, _, error) = Native(_input);

        Assert.NotEqual(0, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_output));
    }

    private string Program() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "_timing.json"))).RootElement.GetProperty("program").GetString()!;

    [Fact]
    public async Task Without_tagging_nlmg_hands_the_batch_to_nlmg_extract_beside_it()
    {
        // The test folder holds nlmg-extract (a JIT build, referenced for this), as the Docker image holds the native one.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "nlmg-extract")));
        await File.WriteAllBytesAsync(Path.Combine(_input, "broken.html"), [0x00, 0xFF, 0x13, 0x37, 0x00, 0x42, 0x00]);

        var result = await Nlmg.RunAsync("extract", _input, "--out", _output, "--no-spoilers", "--threads", "2");

        Assert.Equal("nlmg-extract", Program());
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("broken.html: document is not HTML (binary content)", result.Error, StringComparison.Ordinal);
        var pages = SamplePages.All.Count + 1;
        Assert.StartsWith($"Extracted {pages - 1} of {pages} pages: 1 failed, ", Assert.Single(result.OutLines), StringComparison.Ordinal);
        Assert.All(SamplePages.All, p => Assert.True(File.Exists(Path.Combine(_output, Path.GetFileNameWithoutExtension(p) + ".json"))));
    }

    [Fact]
    public async Task The_limit_nlmg_is_configured_with_goes_to_nlmg_extract()
    {
        var result = await Nlmg.RunAsync(new Dictionary<string, string?> { ["Scraper:MaxBodyBytes"] = "1024" }, "extract", _input, "--out", _output, "--no-spoilers");

        Assert.Equal("nlmg-extract", Program());
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("file exceeds 1 KiB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_InProcess_or_tagging_keeps_the_batch_in_nlmg()
    {
        var inProcess = await Nlmg.RunAsync(new Dictionary<string, string?> { ["Extract:InProcess"] = "true" }, "extract", _input, "--out", _output, "--no-spoilers");
        Assert.Equal(0, inProcess.ExitCode);
        Assert.NotEqual("nlmg-extract", Program());

        var tagged = await Nlmg.RunAsync("extract", _input, "--out", _output);
        Assert.Equal(0, tagged.ExitCode);
        Assert.NotEqual("nlmg-extract", Program());
    }
}
