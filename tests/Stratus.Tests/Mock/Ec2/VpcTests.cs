using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Mock.Ec2;

public sealed class VpcTests
{
    private readonly Ec2Fixture _ec2 = new();

    [Fact]
    public async Task EachRegion_HasADefaultVpcWithADefaultSubnetPerZone()
    {
        var vpc = (await _ec2.CallAsync("DescribeVpcs"))["Vpcs"]!.AsArray().Single()!;
        Assert.Matches("^vpc-0[0-9a-f]{16}$", (string)vpc["VpcId"]!);
        Assert.Equal("172.31.0.0/16", (string)vpc["CidrBlock"]!);
        Assert.True((bool)vpc["IsDefault"]!);
        Assert.Equal("available", (string)vpc["State"]!);

        var subnets = (await _ec2.CallAsync("DescribeSubnets"))["Subnets"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c"], subnets.Select(s => (string)s["AvailabilityZone"]!));
        Assert.Equal(["use1-az1", "use1-az2", "use1-az3"], subnets.Select(s => (string)s["AvailabilityZoneId"]!));
        Assert.Equal(["172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20"], subnets.Select(s => (string)s["CidrBlock"]!));
        Assert.All(subnets, s =>
        {
            Assert.Matches("^subnet-0[0-9a-f]{16}$", (string)s["SubnetId"]!);
            Assert.Equal((string)vpc["VpcId"]!, (string)s["VpcId"]!);
            Assert.True((bool)s["DefaultForAz"]!);
            Assert.Equal(4091, (int)s["AvailableIpAddressCount"]!);
        });

        await _ec2.RunAsync(2);
        var first = (await _ec2.CallAsync("DescribeSubnets", new JsonObject { ["Filters"] = Ec2Fixture.Filter("availability-zone", "us-east-1a") }))["Subnets"]!.AsArray().Single()!;
        Assert.Equal(4089, (int)first["AvailableIpAddressCount"]!);
    }

    [Fact]
    public async Task RegionsAndAccounts_AreSeparate()
    {
        var east = (string)(await _ec2.CallAsync("DescribeVpcs"))["Vpcs"]![0]!["VpcId"]!;
        var west = (string)(await _ec2.CallAsync("DescribeVpcs", region: "eu-west-1"))["Vpcs"]![0]!["VpcId"]!;
        var other = (string)(await _ec2.CallAsync("DescribeVpcs", account: new MockAccount("111122223333", "AKIDOTHER", "secret")))["Vpcs"]![0]!["VpcId"]!;
        await _ec2.RunAsync();

        Assert.Equal(3, new[] { east, west, other }.Distinct().Count());
        Assert.Empty((await _ec2.CallAsync("DescribeInstances", region: "eu-west-1"))["Reservations"]!.AsArray());
        var subnet = (await _ec2.CallAsync("DescribeSubnets", region: "eu-west-1"))["Subnets"]![0]!;
        Assert.Equal(("eu-west-1a", "euw1-az1"), ((string)subnet["AvailabilityZone"]!, (string)subnet["AvailabilityZoneId"]!));
        Assert.Equal("ip-172-31-0-4.eu-west-1.compute.internal", (string)(await _ec2.CallAsync("RunInstances", new JsonObject { ["ImageId"] = "ami-12345678", ["MinCount"] = 1, ["MaxCount"] = 1 }, "eu-west-1"))["Instances"]![0]!["PrivateDnsName"]!);
    }

    [Fact]
    public async Task DescribeVpcsAndSubnets_Errors()
    {
        Assert.Equal("InvalidVpcID.NotFound", (await _ec2.FailsAsync("DescribeVpcs", new JsonObject { ["VpcIds"] = new JsonArray("vpc-0123456789abcdef0") })).Code);
        Assert.Equal("InvalidSubnetID.NotFound", (await _ec2.FailsAsync("DescribeSubnets", new JsonObject { ["SubnetIds"] = new JsonArray("subnet-0123456789abcdef0") })).Code);
        Assert.Empty((await _ec2.CallAsync("DescribeVpcs", new JsonObject { ["Filters"] = Ec2Fixture.Filter("is-default", "false") }))["Vpcs"]!.AsArray());
        Assert.Single((await _ec2.CallAsync("DescribeVpcs", new JsonObject { ["Filters"] = Ec2Fixture.Filter("cidr", "172.31.0.0/16") }))["Vpcs"]!.AsArray());
    }

    [Fact]
    public async Task DescribeAvailabilityZones_ListsTheRegionsThreeZones()
    {
        var zones = (await _ec2.CallAsync("DescribeAvailabilityZones", region: "ap-southeast-2"))["AvailabilityZones"]!.AsArray();

        Assert.Equal(["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"], zones.Select(z => (string)z!["ZoneName"]!));
        Assert.Equal("apse2-az1", (string)zones[0]!["ZoneId"]!);
        Assert.All(zones, z => Assert.Equal("available", (string)z!["State"]!));
        var one = await _ec2.CallAsync("DescribeAvailabilityZones", new JsonObject { ["ZoneNames"] = new JsonArray("us-east-1b") });
        Assert.Equal("us-east-1b", (string)one["AvailabilityZones"]!.AsArray().Single()!["ZoneName"]!);
        Assert.Equal("InvalidParameterValue", (await _ec2.FailsAsync("DescribeAvailabilityZones", new JsonObject { ["ZoneNames"] = new JsonArray("us-east-1z") })).Code);
    }

    [Fact]
    public async Task DescribeRegions_ListsEnabledRegions_AllRegionsAddsOptInOnes()
    {
        var enabled = (await _ec2.CallAsync("DescribeRegions"))["Regions"]!.AsArray();
        var all = (await _ec2.CallAsync("DescribeRegions", new JsonObject { ["AllRegions"] = true }))["Regions"]!.AsArray();

        var east = enabled.Single(r => (string)r!["RegionName"]! == "us-east-1")!;
        Assert.Equal(("ec2.us-east-1.amazonaws.com", "opt-in-not-required"), ((string)east["Endpoint"]!, (string)east["OptInStatus"]!));
        Assert.DoesNotContain(enabled, r => (string)r!["RegionName"]! == "af-south-1");
        Assert.Equal("not-opted-in", (string)all.Single(r => (string)r!["RegionName"]! == "af-south-1")!["OptInStatus"]!);
        var filtered = await _ec2.CallAsync("DescribeRegions", new JsonObject { ["Filters"] = Ec2Fixture.Filter("region-name", "eu-*") });
        Assert.All(filtered["Regions"]!.AsArray(), r => Assert.StartsWith("eu-", (string)r!["RegionName"]!, StringComparison.Ordinal));
    }
}
