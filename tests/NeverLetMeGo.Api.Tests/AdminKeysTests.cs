using NeverLetMeGo.Api.Infrastructure;

namespace NeverLetMeGo.Api.Tests;

public sealed class AdminKeysTests
{
    [Theory]
    [InlineData("s3cret-key", true)]
    [InlineData("other-key", true)]
    [InlineData("s3cret-ke", false)]
    [InlineData("s3cret-key ", false)]
    [InlineData("S3CRET-KEY", false)]
    [InlineData("", false)]
    public void Only_a_configured_key_is_valid(string presented, bool valid)
        => Assert.Equal(valid, AdminKeys.IsValid(presented, ["s3cret-key", "other-key"]));

    [Fact]
    public void No_configured_keys_means_no_access_even_for_an_empty_key()
    {
        Assert.False(AdminKeys.IsValid("", []));
        Assert.False(AdminKeys.IsValid("anything", ["", ""]));
    }
}
