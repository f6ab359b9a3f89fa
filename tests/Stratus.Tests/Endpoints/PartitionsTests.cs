using System.Text;
using Stratus.Endpoints;

namespace Stratus.Tests.Endpoints;

public class PartitionsTests
{
    private const string Json = """
        {"version": "1.1", "partitions": [
          {"id": "aws", "regionRegex": "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
           "outputs": {"name": "aws", "dnsSuffix": "amazonaws.com", "dualStackDnsSuffix": "api.aws",
                       "supportsFIPS": true, "supportsDualStack": true, "implicitGlobalRegion": "us-east-1"},
           "regions": {"aws-global": {"description": "global"}, "us-east-1": {"description": "N. Virginia"}}},
          {"id": "aws-cn", "regionRegex": "^cn\\-\\w+\\-\\d+$",
           "outputs": {"name": "aws-cn", "dnsSuffix": "amazonaws.com.cn", "dualStackDnsSuffix": "api.amazonwebservices.com.cn",
                       "supportsFIPS": true, "supportsDualStack": true, "implicitGlobalRegion": "cn-northwest-1"},
           "regions": {"cn-north-1": {}}},
          {"id": "aws-us-gov", "regionRegex": "^us\\-gov\\-\\w+\\-\\d+$",
           "outputs": {"name": "aws-us-gov", "dnsSuffix": "amazonaws.com", "dualStackDnsSuffix": "api.aws",
                       "supportsFIPS": true, "supportsDualStack": true, "implicitGlobalRegion": "us-gov-west-1"},
           "regions": {"us-gov-west-1": {}, "us-gov-special": {"description": "override", "supportsFIPS": false}}}
        ]}
        """;

    private static readonly Partitions Partitions = Partitions.Parse(Encoding.UTF8.GetBytes(Json));

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("aws-global", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public void Listed_regions_belong_to_their_partition(string region, string expected) =>
        Assert.Equal(expected, Partitions.Resolve(region).Id);

    [Theory]
    [InlineData("us-west-99", "aws")]
    [InlineData("eu-central-7", "aws")]
    [InlineData("cn-west-9", "aws-cn")]
    [InlineData("us-gov-east-5", "aws-us-gov")]
    public void Unlisted_regions_fall_back_to_the_region_pattern(string region, string expected) =>
        Assert.Equal(expected, Partitions.Resolve(region).Id);

    [Theory]
    [InlineData("local")]
    [InlineData("not a region")]
    [InlineData("us-east-1x")]
    [InlineData("cn-north-\u0661")]
    [InlineData("")]
    public void Unmatched_regions_fall_back_to_aws(string region) =>
        Assert.Equal("aws", Partitions.Resolve(region).Id);

    [Fact]
    public void Outputs_are_exposed_typed()
    {
        var cn = Partitions.Resolve("cn-north-1");
        Assert.Equal("aws-cn", cn.Name);
        Assert.Equal("amazonaws.com.cn", cn.DnsSuffix);
        Assert.Equal("api.amazonwebservices.com.cn", cn.DualStackDnsSuffix);
        Assert.True(cn.SupportsFips);
        Assert.True(cn.SupportsDualStack);
        Assert.Equal("cn-northwest-1", cn.ImplicitGlobalRegion);
        Assert.Equal(3, Partitions.All.Count);
    }

    [Fact]
    public void A_region_can_override_its_partition_outputs()
    {
        var special = Partitions.Resolve("us-gov-special");
        Assert.Equal("aws-us-gov", special.Id);
        Assert.False(special.SupportsFips);
        Assert.Equal("amazonaws.com", special.DnsSuffix);
        Assert.True(Partitions.Resolve("us-gov-west-1").SupportsFips);
    }
}
