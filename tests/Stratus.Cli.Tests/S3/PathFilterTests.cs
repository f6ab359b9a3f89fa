using Stratus.Cli.S3;

namespace Stratus.Cli.Tests.S3;

public sealed class PathFilterTests
{
    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("sub/c.txt", true)]
    [InlineData("b.log", false)]
    [InlineData("sub/d1.txt", false)]
    public void LaterFiltersWin(string path, bool included)
    {
        var filter = PathFilter.FromArgs(["cp", "x", "y", "--exclude", "*", "--include", "*.txt", "--exclude=sub/d?.txt"]);
        Assert.Equal(included, filter.Includes(path));
    }

    [Theory]
    [InlineData("[ab].*", "a.txt", true)]
    [InlineData("[ab].*", "c.txt", false)]
    [InlineData("*[!t]", "b.log", true)]
    [InlineData("*[!t]", "a.txt", false)]
    [InlineData("?.txt", "a.txt", true)]
    [InlineData("?.txt", "sub/a.txt", false)]
    [InlineData("*.txt", "sub/a.txt", true)]
    [InlineData("a+b(c).txt", "a+b(c).txt", true)]
    [InlineData("[", "[", true)]
    public void PatternsAreShellPatterns(string pattern, string path, bool matches) =>
        Assert.Equal(matches, PathFilter.Compile(pattern).IsMatch(path));

    [Theory]
    [InlineData("s3://b/k/x", "b", "k/x")]
    [InlineData("s3://b", "b", "")]
    [InlineData("S3://b/", "b", "")]
    public void ParsesS3Urls(string url, string bucket, string key)
    {
        var place = Place.Parse(url);
        Assert.Equal((bucket, key), (place.Bucket, place.Path));
    }
}
