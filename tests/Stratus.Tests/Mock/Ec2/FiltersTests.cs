using Stratus.Testing.Services.Ec2;

namespace Stratus.Tests.Mock.Ec2;

public sealed class FiltersTests
{
    [Theory]
    [InlineData("web", "web", true)]
    [InlineData("web", "Web", false)]
    [InlineData("web-*", "web-1", true)]
    [InlineData("web-*", "web-", true)]
    [InlineData("*-1", "web-1", true)]
    [InlineData("w?b", "web", true)]
    [InlineData("w?b", "wb", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxx", false)]
    [InlineData(@"a\*", "a*", true)]
    [InlineData(@"a\*", "ab", false)]
    [InlineData("", "", true)]
    [InlineData("*", "", true)]
    public void Matches_SupportsEc2Wildcards(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Filters.Matches(pattern, value));
}
