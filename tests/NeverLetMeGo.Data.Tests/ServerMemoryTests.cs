using NeverLetMeGo.Data.Postgres;

namespace NeverLetMeGo.Data.Tests;

public sealed class ServerMemoryTests
{
    private const long Gb = 1024L * 1024 * 1024;

    [Theory]
    [InlineData(24 * Gb, "6144MB")]
    [InlineData(2 * Gb, "512MB")]
    [InlineData(Gb / 4, "128MB")]
    [InlineData(64 * Gb, "8192MB")]
    public void Shared_buffers_default_to_a_quarter_of_memory_between_128_MB_and_8_GB(long memory, string expected)
        => Assert.Equal(expected, ServerMemory.SharedBuffers(null, memory));

    [Theory]
    [InlineData("512MB")]
    [InlineData(" 4GB ")]
    [InlineData("65536kB")]
    public void A_configured_size_is_used_as_written(string configured)
        => Assert.Equal(configured.Trim(), ServerMemory.SharedBuffers(configured, 24 * Gb));

    [Theory]
    [InlineData("4 GB")]
    [InlineData("lots")]
    [InlineData("1GB -c fsync=off")]
    [InlineData("1GB'; touch /tmp/x '")]
    public void A_size_that_is_not_one_fails_with_its_name_instead_of_reaching_the_shell(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServerMemory.SharedBuffers(configured, 24 * Gb));
        Assert.Contains("Database:SharedBuffers", error.Message, StringComparison.Ordinal);
    }
}
