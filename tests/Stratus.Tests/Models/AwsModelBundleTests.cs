using System.Text.Json;
using Stratus.AwsModels;

namespace Stratus.Tests.Models;

public class AwsModelBundleTests
{
    [Fact]
    public void Bundle_has_at_least_400_services_sorted()
    {
        Assert.True(AwsModelBundle.ServiceNames.Count >= 400, $"only {AwsModelBundle.ServiceNames.Count} services");
        Assert.Equal(AwsModelBundle.ServiceNames.Order(StringComparer.Ordinal), AwsModelBundle.ServiceNames);
        Assert.Equal(AwsModelBundle.ServiceNames.Count, AwsModelBundle.Services.Count);
    }

    [Fact]
    public void Version_is_botocore_version()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", AwsModelBundle.Version);
        Assert.StartsWith(AwsModelBundle.Version, AwsModelBundle.PackageVersion);
    }

    [Fact]
    public void Index_describes_services_without_decompressing()
    {
        var ec2 = AwsModelBundle.GetServiceInfo("ec2");
        Assert.NotNull(ec2);
        Assert.Equal("2016-11-15", ec2.ApiVersion);
        Assert.Equal("ec2", ec2.Protocol);
        Assert.Equal("EC2", ec2.ServiceId);
        Assert.Contains("waiters", ec2.Documents);
        Assert.True(ec2.Size > 0);
        Assert.Null(AwsModelBundle.GetServiceInfo("EC2"));
    }

    [Fact]
    public void OpenService_decompresses_the_entry()
    {
        using var stream = AwsModelBundle.OpenService("sts");
        Assert.NotNull(stream);
        using var doc = JsonDocument.Parse(stream);
        Assert.Equal("2011-06-15", doc.RootElement.GetProperty("apiVersion").GetString());
        Assert.Equal("query", doc.RootElement.GetProperty("service").GetProperty("metadata").GetProperty("protocol").GetString());
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("index")]
    [InlineData("_endpoints")]
    [InlineData("")]
    public void OpenService_returns_null_for_unknown_names(string name)
    {
        Assert.False(AwsModelBundle.Contains(name));
        Assert.Null(AwsModelBundle.OpenService(name));
    }

    [Theory]
    [InlineData("_endpoints", "partitions")]
    [InlineData("endpoints.json", "partitions")]
    [InlineData("partitions", "partitions")]
    [InlineData("_retry", "retry")]
    [InlineData("sdk-default-configuration", "base")]
    public void OpenData_opens_shared_files(string name, string property)
    {
        using var stream = AwsModelBundle.OpenData(name);
        Assert.NotNull(stream);
        using var doc = JsonDocument.Parse(stream);
        Assert.True(doc.RootElement.TryGetProperty(property, out _));
    }

    [Fact]
    public void OpenData_returns_null_for_unknown_names() => Assert.Null(AwsModelBundle.OpenData("ec2"));
}
