using Stratus.Endpoints.Rules;

namespace Stratus.Tests.Endpoints;

public class AwsFunctionsTests
{
    [Fact]
    public void ParseArn_splits_the_resource_on_colons_and_slashes()
    {
        var arn = AwsFunctions.ParseArn("arn:aws:s3:us-west-2:123456789012:accesspoint:my/endpoint");
        Assert.NotNull(arn);
        Assert.Equal("aws", arn["partition"]);
        Assert.Equal("s3", arn["service"]);
        Assert.Equal("us-west-2", arn["region"]);
        Assert.Equal("123456789012", arn["accountId"]);
        Assert.Equal(["accesspoint", "my", "endpoint"], (string[])arn["resourceId"]!);
    }

    [Fact]
    public void ParseArn_allows_an_empty_region_and_account()
    {
        var arn = AwsFunctions.ParseArn("arn:aws:s3:::bucket_name");
        Assert.NotNull(arn);
        Assert.Equal("", arn["region"]);
        Assert.Equal("", arn["accountId"]);
        Assert.Equal(["bucket_name"], (string[])arn["resourceId"]!);
    }

    [Theory]
    [InlineData("arn:aws:s3:us-west-2:123456789012")]
    [InlineData("arn::s3:us-west-2:123456789012:bucket")]
    [InlineData("arn:aws::us-west-2:123456789012:bucket")]
    [InlineData("arn:aws:s3:us-west-2:123456789012:")]
    [InlineData("urn:aws:s3:us-west-2:123456789012:bucket")]
    [InlineData("not an arn")]
    [InlineData(null)]
    public void ParseArn_rejects_malformed_arns(string? value) => Assert.Null(AwsFunctions.ParseArn(value));

    [Theory]
    [InlineData("bucket-name", false, true)]
    [InlineData("abc", false, true)]
    [InlineData("ab", false, false)]
    [InlineData("BucketName", false, false)]
    [InlineData("bucket_name", false, false)]
    [InlineData("-bucket", false, false)]
    [InlineData("bucket-", false, false)]
    [InlineData("bucket.name", false, false)]
    [InlineData("bucket.name", true, true)]
    [InlineData("a.b", true, true)]
    [InlineData("bucket..name", true, false)]
    [InlineData("bucket-.name", true, false)]
    [InlineData("bucket.-name", true, false)]
    [InlineData("192.168.5.4", true, false)]
    public void IsVirtualHostableS3Bucket_follows_s3_naming(string value, bool allowSubDomains, bool expected) =>
        Assert.Equal(expected, AwsFunctions.IsVirtualHostableS3Bucket(value, allowSubDomains));

    [Fact]
    public void IsVirtualHostableS3Bucket_limits_the_length_to_63()
    {
        Assert.True(AwsFunctions.IsVirtualHostableS3Bucket(new string('a', 63), false));
        Assert.False(AwsFunctions.IsVirtualHostableS3Bucket(new string('a', 64), false));
    }
}
