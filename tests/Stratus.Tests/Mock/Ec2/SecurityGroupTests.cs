using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.Ec2;

public sealed class SecurityGroupTests
{
    private readonly Ec2Fixture _ec2 = new();

    [Fact]
    public async Task TheDefaultVpc_HasADefaultGroup_AdmittingItsMembers()
    {
        var groups = (await _ec2.CallAsync("DescribeSecurityGroups"))["SecurityGroups"]!.AsArray();

        var group = Assert.Single(groups)!;
        Assert.Equal("default", (string)group["GroupName"]!);
        Assert.Equal("default VPC security group", (string)group["Description"]!);
        var id = (string)group["GroupId"]!;
        Assert.Matches("^sg-0[0-9a-f]{16}$", id);
        var ingress = group["IpPermissions"]!.AsArray().Single()!;
        Assert.Equal("-1", (string)ingress["IpProtocol"]!);
        Assert.Equal(id, (string)ingress["UserIdGroupPairs"]![0]!["GroupId"]!);
        var egress = group["IpPermissionsEgress"]!.AsArray().Single()!;
        Assert.Equal("0.0.0.0/0", (string)egress["IpRanges"]![0]!["CidrIp"]!);
        Assert.Equal($"arn:aws:ec2:us-east-1:000000000000:security-group/{id}", (string)group["SecurityGroupArn"]!);
        var error = await _ec2.FailsAsync("DeleteSecurityGroup", new JsonObject { ["GroupId"] = id });
        Assert.Equal("CannotDelete", error.Code);
    }

    [Fact]
    public async Task CreateSecurityGroup_AndDescribeByIdNameAndFilters()
    {
        var created = await _ec2.CallAsync("CreateSecurityGroup", new JsonObject { ["GroupName"] = "web", ["Description"] = "web servers" });
        var id = (string)created["GroupId"]!;
        var vpc = (string)(await _ec2.CallAsync("DescribeVpcs"))["Vpcs"]![0]!["VpcId"]!;

        Assert.Equal(["web"], await NamesAsync(new JsonObject { ["GroupIds"] = new JsonArray(id) }));
        Assert.Equal(["web"], await NamesAsync(new JsonObject { ["GroupNames"] = new JsonArray("web") }));
        Assert.Equal(["web"], await NamesAsync(new JsonObject { ["Filters"] = Ec2Fixture.Filter("group-name", "w*") }));
        Assert.Equal(["web"], await NamesAsync(new JsonObject { ["Filters"] = Ec2Fixture.Filter("group-id", id) }));
        Assert.Equal(["default", "web"], await NamesAsync(new JsonObject { ["Filters"] = Ec2Fixture.Filter("vpc-id", vpc) }));
        var group = (await _ec2.CallAsync("DescribeSecurityGroups", new JsonObject { ["GroupIds"] = new JsonArray(id) }))["SecurityGroups"]![0]!;
        Assert.Empty(group["IpPermissions"]!.AsArray());
        Assert.Equal("-1", (string)group["IpPermissionsEgress"]![0]!["IpProtocol"]!);
        Assert.Equal(vpc, (string)group["VpcId"]!);

        var duplicate = await _ec2.FailsAsync("CreateSecurityGroup", new JsonObject { ["GroupName"] = "web", ["Description"] = "again" });
        Assert.Equal(("InvalidGroup.Duplicate", $"The security group 'web' already exists for VPC '{vpc}'"), (duplicate.Code, duplicate.Message));
        Assert.Equal("InvalidGroup.NotFound", (await _ec2.FailsAsync("DescribeSecurityGroups", new JsonObject { ["GroupIds"] = new JsonArray("sg-0123456789abcdef0") })).Code);
        Assert.Equal("InvalidGroup.NotFound", (await _ec2.FailsAsync("DescribeSecurityGroups", new JsonObject { ["GroupNames"] = new JsonArray("db") })).Code);
        Assert.Equal("InvalidGroupId.Malformed", (await _ec2.FailsAsync("DescribeSecurityGroups", new JsonObject { ["GroupIds"] = new JsonArray("web") })).Code);
        Assert.Equal("MissingParameter", (await _ec2.FailsAsync("CreateSecurityGroup", new JsonObject { ["GroupName"] = "nodesc" })).Code);
    }

    [Fact]
    public async Task AuthorizeIngress_AddsRules_RefusesDuplicates_RevokeRemovesThem()
    {
        var web = await CreateAsync("web");
        var lb = await CreateAsync("lb");

        var added = await _ec2.CallAsync("AuthorizeSecurityGroupIngress", new JsonObject
        {
            ["GroupId"] = web,
            ["IpPermissions"] = new JsonArray(
                Permission("tcp", 22, 22, new JsonObject { ["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = "10.0.0.0/8", ["Description"] = "office" }, new JsonObject { ["CidrIp"] = "192.168.0.0/16" }) }),
                Permission("tcp", 443, 443, new JsonObject { ["UserIdGroupPairs"] = new JsonArray(new JsonObject { ["GroupId"] = lb }) })),
        });

        Assert.True((bool)added["Return"]!);
        var rules = added["SecurityGroupRules"]!.AsArray();
        Assert.Equal(3, rules.Count);
        Assert.All(rules, r => Assert.Matches("^sgr-0[0-9a-f]{16}$", (string)r!["SecurityGroupRuleId"]!));
        Assert.Equal(lb, (string)rules[2]!["ReferencedGroupInfo"]!["GroupId"]!);

        var permissions = await IngressAsync(web);
        Assert.Equal(2, permissions.Count);
        var ssh = permissions[0]!;
        Assert.Equal(("tcp", 22, 22), ((string)ssh["IpProtocol"]!, (int)ssh["FromPort"]!, (int)ssh["ToPort"]!));
        Assert.Equal(["10.0.0.0/8", "192.168.0.0/16"], ssh["IpRanges"]!.AsArray().Select(r => (string)r!["CidrIp"]!));
        Assert.Equal("office", (string)ssh["IpRanges"]![0]!["Description"]!);
        Assert.Equal(lb, (string)permissions[1]!["UserIdGroupPairs"]![0]!["GroupId"]!);

        var duplicate = await _ec2.FailsAsync("AuthorizeSecurityGroupIngress", new JsonObject
        {
            ["GroupId"] = web,
            ["IpPermissions"] = new JsonArray(
                Permission("tcp", 80, 80, new JsonObject { ["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = "0.0.0.0/0" }) }),
                Permission("6", 22, 22, new JsonObject { ["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = "10.0.0.0/8" }) })),
        });
        Assert.Equal(("InvalidPermission.Duplicate", "the specified rule \"peer: 10.0.0.0/8, TCP, from port: 22, to port: 22, ALLOW\" already exists"), (duplicate.Code, duplicate.Message));
        Assert.Equal(2, (await IngressAsync(web)).Count);

        var revoked = await _ec2.CallAsync("RevokeSecurityGroupIngress", new JsonObject
        {
            ["GroupId"] = web,
            ["IpPermissions"] = new JsonArray(Permission("tcp", 22, 22, new JsonObject { ["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = "10.0.0.0/8" }, new JsonObject { ["CidrIp"] = "172.16.0.0/12" }) })),
        });
        Assert.Equal("10.0.0.0/8", (string)revoked["RevokedSecurityGroupRules"]!.AsArray().Single()!["CidrIpv4"]!);
        Assert.Equal("172.16.0.0/12", (string)revoked["UnknownIpPermissions"]![0]!["IpRanges"]![0]!["CidrIp"]!);
        Assert.Equal(["192.168.0.0/16"], (await IngressAsync(web))[0]!["IpRanges"]!.AsArray().Select(r => (string)r!["CidrIp"]!));

        await _ec2.CallAsync("RevokeSecurityGroupIngress", new JsonObject { ["GroupId"] = web, ["SecurityGroupRuleIds"] = new JsonArray((string)rules[2]!["SecurityGroupRuleId"]!) });
        Assert.Single(await IngressAsync(web));
        var unknownRule = await _ec2.FailsAsync("RevokeSecurityGroupIngress", new JsonObject { ["GroupId"] = web, ["SecurityGroupRuleIds"] = new JsonArray("sgr-0123456789abcdef0") });
        Assert.Equal("InvalidSecurityGroupRuleId.NotFound", unknownRule.Code);
    }

    [Fact]
    public async Task Egress_CanBeRevokedAndAuthorized()
    {
        var web = await CreateAsync("web");
        var allOut = Permission("-1", null, null, new JsonObject { ["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = "0.0.0.0/0" }) });

        await _ec2.CallAsync("RevokeSecurityGroupEgress", new JsonObject { ["GroupId"] = web, ["IpPermissions"] = new JsonArray(allOut.DeepClone()) });
        Assert.Empty(await EgressAsync(web));
        await _ec2.CallAsync("AuthorizeSecurityGroupEgress", new JsonObject
        {
            ["GroupId"] = web,
            ["IpPermissions"] = new JsonArray(Permission("udp", 53, 53, new JsonObject { ["Ipv6Ranges"] = new JsonArray(new JsonObject { ["CidrIpv6"] = "::/0" }) })),
        });

        var egress = (await EgressAsync(web)).Single()!;
        Assert.Equal(("udp", "::/0"), ((string)egress["IpProtocol"]!, (string)egress["Ipv6Ranges"]![0]!["CidrIpv6"]!));
        var duplicate = await _ec2.FailsAsync("AuthorizeSecurityGroupEgress", new JsonObject
        {
            ["GroupId"] = web,
            ["IpPermissions"] = new JsonArray(Permission("udp", 53, 53, new JsonObject { ["Ipv6Ranges"] = new JsonArray(new JsonObject { ["CidrIpv6"] = "::/0" }) })),
        });
        Assert.Equal("InvalidPermission.Duplicate", duplicate.Code);
    }

    [Theory]
    [InlineData("tcp", 22, 22, "10.0.0.0/33")]
    [InlineData("tcp", 22, 22, "10.0.0/8")]
    [InlineData("tcp", 30, 20, "10.0.0.0/8")]
    [InlineData("tcp", null, null, "10.0.0.0/8")]
    [InlineData("ftp", 21, 21, "10.0.0.0/8")]
    public async Task Authorize_RejectsBadRules(string protocol, int? from, int? to, string cidr)
    {
        var web = await CreateAsync("web");

        var error = await _ec2.FailsAsync("AuthorizeSecurityGroupIngress", new JsonObject
        {
            ["GroupId"] = web,
            ["IpPermissions"] = new JsonArray(Permission(protocol, from, to, new JsonObject { ["IpRanges"] = new JsonArray(new JsonObject { ["CidrIp"] = cidr }) })),
        });

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Empty(await IngressAsync(web));
    }

    [Fact]
    public async Task Authorize_TheOlderTopLevelParameters()
    {
        var web = await CreateAsync("web");

        await _ec2.CallAsync("AuthorizeSecurityGroupIngress", new JsonObject { ["GroupName"] = "web", ["IpProtocol"] = "tcp", ["FromPort"] = 80, ["ToPort"] = 80, ["CidrIp"] = "0.0.0.0/0" });

        var permission = (await IngressAsync(web)).Single()!;
        Assert.Equal(("tcp", 80, "0.0.0.0/0"), ((string)permission["IpProtocol"]!, (int)permission["FromPort"]!, (string)permission["IpRanges"]![0]!["CidrIp"]!));
    }

    [Fact]
    public async Task DeleteSecurityGroup_RefusesGroupsInUse()
    {
        var web = await CreateAsync("web");
        var lb = await CreateAsync("lb");
        await _ec2.CallAsync("AuthorizeSecurityGroupIngress", new JsonObject
        {
            ["GroupId"] = web,
            ["IpPermissions"] = new JsonArray(Permission("tcp", 80, 80, new JsonObject { ["UserIdGroupPairs"] = new JsonArray(new JsonObject { ["GroupId"] = lb }) })),
        });
        var instance = (await _ec2.RunAsync(extra: new JsonObject { ["SecurityGroupIds"] = new JsonArray(web) })).Single();

        Assert.Equal(("DependencyViolation", $"resource {web} has a dependent object"), await CodeAndMessageAsync(web));
        Assert.Equal("DependencyViolation", (await CodeAndMessageAsync(lb)).Code);

        await _ec2.CallAsync("TerminateInstances", new JsonObject { ["InstanceIds"] = new JsonArray(instance) });
        var deleted = await _ec2.CallAsync("DeleteSecurityGroup", new JsonObject { ["GroupId"] = web });
        Assert.True((bool)deleted["Return"]!);
        await _ec2.CallAsync("DeleteSecurityGroup", new JsonObject { ["GroupName"] = "lb" });
        Assert.Equal(["default"], await NamesAsync(new JsonObject()));
        Assert.Equal("InvalidGroup.NotFound", (await CodeAndMessageAsync(web)).Code);
    }

    private async Task<(string Code, string Message)> CodeAndMessageAsync(string groupId)
    {
        var error = await _ec2.FailsAsync("DeleteSecurityGroup", new JsonObject { ["GroupId"] = groupId });
        return (error.Code, error.Message);
    }

    private async Task<string> CreateAsync(string name) =>
        (string)(await _ec2.CallAsync("CreateSecurityGroup", new JsonObject { ["GroupName"] = name, ["Description"] = name }))["GroupId"]!;

    private async Task<JsonArray> IngressAsync(string groupId) =>
        (await _ec2.CallAsync("DescribeSecurityGroups", new JsonObject { ["GroupIds"] = new JsonArray(groupId) }))["SecurityGroups"]![0]!["IpPermissions"]!.AsArray();

    private async Task<JsonArray> EgressAsync(string groupId) =>
        (await _ec2.CallAsync("DescribeSecurityGroups", new JsonObject { ["GroupIds"] = new JsonArray(groupId) }))["SecurityGroups"]![0]!["IpPermissionsEgress"]!.AsArray();

    private async Task<List<string>> NamesAsync(JsonObject input) =>
        (await _ec2.CallAsync("DescribeSecurityGroups", input))["SecurityGroups"]!.AsArray().Select(g => (string)g!["GroupName"]!).Order(StringComparer.Ordinal).ToList();

    private static JsonObject Permission(string protocol, int? from, int? to, JsonObject peers)
    {
        var permission = new JsonObject { ["IpProtocol"] = protocol };
        if (from is not null)
        {
            permission["FromPort"] = from;
        }
        if (to is not null)
        {
            permission["ToPort"] = to;
        }
        foreach (var (key, value) in peers)
        {
            permission[key] = value?.DeepClone();
        }
        return permission;
    }
}
