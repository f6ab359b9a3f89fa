using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.Ec2;

public sealed class TagTests
{
    private readonly Ec2Fixture _ec2 = new();

    [Fact]
    public async Task CreateDescribeDeleteTags()
    {
        var instance = (await _ec2.RunAsync()).Single();
        var group = (string)(await _ec2.CallAsync("DescribeSecurityGroups"))["SecurityGroups"]![0]!["GroupId"]!;

        await _ec2.CallAsync("CreateTags", new JsonObject
        {
            ["Resources"] = new JsonArray(instance, group),
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "env", ["Value"] = "prod" }, new JsonObject { ["Key"] = "owner", ["Value"] = "ana" }),
        });
        await _ec2.CallAsync("CreateTags", new JsonObject { ["Resources"] = new JsonArray(instance), ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "env", ["Value"] = "test" }) });

        Assert.Equal([$"{instance} env=test instance", $"{instance} owner=ana instance"], await TagsAsync("resource-id", instance));
        Assert.Equal([$"{group} env=prod security-group", $"{group} owner=ana security-group"], await TagsAsync("resource-type", "security-group"));
        Assert.Equal([$"{group} env=prod security-group"], await TagsAsync("value", "prod"));
        Assert.Equal(2, (await TagsAsync("key", "owner")).Count);
        var env = (await _ec2.InstancesAsync()).Single()["Tags"]!.AsArray().Single(t => (string)t!["Key"]! == "env")!;
        Assert.Equal("test", (string)env["Value"]!);

        // A key with another value stays; a key alone goes whatever its value; no tags removes all.
        await _ec2.CallAsync("DeleteTags", new JsonObject { ["Resources"] = new JsonArray(instance), ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "env", ["Value"] = "prod" }) });
        Assert.Equal(2, (await TagsAsync("resource-id", instance)).Count);
        await _ec2.CallAsync("DeleteTags", new JsonObject { ["Resources"] = new JsonArray(instance), ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "env" }) });
        Assert.Equal([$"{instance} owner=ana instance"], await TagsAsync("resource-id", instance));
        await _ec2.CallAsync("DeleteTags", new JsonObject { ["Resources"] = new JsonArray(group) });
        Assert.Empty(await TagsAsync("resource-id", group));
    }

    [Fact]
    public async Task CreateTags_UnknownResources_AreNotFound()
    {
        var instance = await _ec2.FailsAsync("CreateTags", Tag("i-0123456789abcdef0"));
        var group = await _ec2.FailsAsync("CreateTags", Tag("sg-0123456789abcdef0"));
        var other = await _ec2.FailsAsync("CreateTags", Tag("banana"));
        var reserved = await _ec2.FailsAsync("CreateTags", new JsonObject
        {
            ["Resources"] = new JsonArray((string)(await _ec2.CallAsync("DescribeVpcs"))["Vpcs"]![0]!["VpcId"]!),
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "aws:secret", ["Value"] = "x" }),
        });

        Assert.Equal("InvalidInstanceID.NotFound", instance.Code);
        Assert.Equal("InvalidGroup.NotFound", group.Code);
        Assert.Equal(("InvalidID", "The ID 'banana' is not valid"), (other.Code, other.Message));
        Assert.Equal("InvalidParameterValue", reserved.Code);
    }

    [Fact]
    public async Task CreateTags_AtMostFiftyPerResource()
    {
        var instance = (await _ec2.RunAsync()).Single();
        var fifty = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)new JsonObject { ["Key"] = $"k{i}", ["Value"] = "v" }).ToArray());

        await _ec2.CallAsync("CreateTags", new JsonObject { ["Resources"] = new JsonArray(instance), ["Tags"] = fifty });
        var error = await _ec2.FailsAsync("CreateTags", new JsonObject { ["Resources"] = new JsonArray(instance), ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "one-more", ["Value"] = "v" }) });

        Assert.Equal("TagLimitExceeded", error.Code);
    }

    [Fact]
    public async Task DescribeTags_Pages()
    {
        var instances = await _ec2.RunAsync(4);
        await _ec2.CallAsync("CreateTags", new JsonObject
        {
            ["Resources"] = new JsonArray(instances.Select(i => (JsonNode)i).ToArray()),
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "a", ["Value"] = "1" }, new JsonObject { ["Key"] = "b", ["Value"] = "2" }),
        });

        var first = await _ec2.CallAsync("DescribeTags", new JsonObject { ["MaxResults"] = 5 });
        var second = await _ec2.CallAsync("DescribeTags", new JsonObject { ["MaxResults"] = 5, ["NextToken"] = (string)first["NextToken"]! });

        Assert.Equal(5, first["Tags"]!.AsArray().Count);
        Assert.Equal(3, second["Tags"]!.AsArray().Count);
        Assert.Null(second["NextToken"]);
    }

    private static JsonObject Tag(string resource) =>
        new() { ["Resources"] = new JsonArray(resource), ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "k", ["Value"] = "v" }) };

    private async Task<List<string>> TagsAsync(string filter, string value)
    {
        var output = await _ec2.CallAsync("DescribeTags", new JsonObject { ["Filters"] = Ec2Fixture.Filter(filter, value) });
        return output["Tags"]!.AsArray()
            .Select(t => $"{(string)t!["ResourceId"]!} {(string)t["Key"]!}={(string)t["Value"]!} {(string)t["ResourceType"]!}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
