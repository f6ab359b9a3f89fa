using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Services.Ec2;

namespace Stratus.Tests.Mock.Ec2;

public sealed class PersistenceTests
{
    [Fact]
    public async Task SaveAndLoad_RestoresEveryResource()
    {
        var ec2 = new Ec2Fixture();
        await ec2.CallAsync("ImportKeyPair", new JsonObject
        {
            ["KeyName"] = "ops",
            ["PublicKeyMaterial"] = NativeValues.Blob(Encoding.UTF8.GetBytes("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIERrCWj8FSekc8b2bWGNLprzFEUyR0ZdvOwmaNT+zXzC x")),
        });
        var group = (string)(await ec2.CallAsync("CreateSecurityGroup", new JsonObject { ["GroupName"] = "web", ["Description"] = "web" }))["GroupId"]!;
        await ec2.CallAsync("AuthorizeSecurityGroupIngress", new JsonObject { ["GroupId"] = group, ["IpProtocol"] = "tcp", ["FromPort"] = 22, ["ToPort"] = 22, ["CidrIp"] = "10.0.0.0/8" });
        var instances = await ec2.RunAsync(3, new JsonObject { ["KeyName"] = "ops", ["SecurityGroupIds"] = new JsonArray(group) });
        await ec2.CallAsync("CreateTags", new JsonObject { ["Resources"] = new JsonArray(instances[0]), ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "Name", ["Value"] = "a" }) });
        await ec2.CallAsync("StopInstances", new JsonObject { ["InstanceIds"] = new JsonArray(instances[1]) });
        await ec2.CallAsync("DescribeVpcs", region: "eu-west-1");
        var before = await SnapshotAsync(ec2);

        var saved = JsonNode.Parse(ec2.Service.SaveState().ToJsonString())!;
        var restored = new Ec2Fixture(new Ec2Service());
        restored.Service.LoadState(saved);
        restored.Clock.Now = ec2.Clock.Now;

        Assert.Equal(before, await SnapshotAsync(restored));
        Assert.Equal("stopped", await restored.StateAsync(instances[1]));
        // The restored service keeps going: the next address follows the three taken.
        var next = (await restored.CallAsync("RunInstances", new JsonObject { ["ImageId"] = "ami-12345678", ["MinCount"] = 1, ["MaxCount"] = 1 }))["Instances"]![0]!;
        Assert.Equal("172.31.0.7", (string)next["PrivateIpAddress"]!);
    }

    [Fact]
    public async Task StateVersion_ChangesWithWritesOnly()
    {
        var ec2 = new Ec2Fixture();
        await ec2.CallAsync("DescribeVpcs");
        var afterSetup = ec2.Service.StateVersion;

        await ec2.CallAsync("DescribeInstances");
        await ec2.CallAsync("DescribeSecurityGroups");
        Assert.Equal(afterSetup, ec2.Service.StateVersion);

        await ec2.RunAsync();
        Assert.NotEqual(afterSetup, ec2.Service.StateVersion);
    }

    private static async Task<string> SnapshotAsync(Ec2Fixture ec2)
    {
        var snapshot = new JsonObject();
        foreach (var operation in new[] { "DescribeInstances", "DescribeSecurityGroups", "DescribeVpcs", "DescribeSubnets", "DescribeTags" })
        {
            snapshot[operation] = await ec2.CallAsync(operation);
        }
        snapshot["DescribeKeyPairs"] = await ec2.CallAsync("DescribeKeyPairs", new JsonObject { ["IncludePublicKey"] = true });
        snapshot["eu-west-1"] = await ec2.CallAsync("DescribeVpcs", region: "eu-west-1");
        return snapshot.ToJsonString();
    }
}
