using System.Text.Json.Nodes;
using Stratus.Testing.Services.Ec2;

namespace Stratus.Tests.Mock.Ec2;

public sealed class InstanceTests
{
    private readonly Ec2Fixture _ec2 = new();

    [Fact]
    public async Task RunInstances_ReturnsAPendingReservation_RunningOnTheNextCall()
    {
        var reservation = await _ec2.CallAsync("RunInstances", new JsonObject
        {
            ["ImageId"] = "ami-12345678",
            ["InstanceType"] = "t3.micro",
            ["MinCount"] = 2,
            ["MaxCount"] = 2,
            ["TagSpecifications"] = new JsonArray(new JsonObject
            {
                ["ResourceType"] = "instance",
                ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "Name", ["Value"] = "web" }),
            }),
        });

        Assert.Matches("^r-0[0-9a-f]{16}$", (string)reservation["ReservationId"]!);
        Assert.Equal("000000000000", (string)reservation["OwnerId"]!);
        var instances = reservation["Instances"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(2, instances.Count);
        var first = instances[0];
        Assert.Matches("^i-0[0-9a-f]{16}$", (string)first["InstanceId"]!);
        Assert.Equal((0, "pending"), ((int)first["State"]!["Code"]!, (string)first["State"]!["Name"]!));
        Assert.Equal("172.31.0.4", (string)first["PrivateIpAddress"]!);
        Assert.Equal("ip-172-31-0-4.ec2.internal", (string)first["PrivateDnsName"]!);
        Assert.Equal("172.31.0.5", (string)instances[1]["PrivateIpAddress"]!);
        Assert.Equal("us-east-1a", (string)first["Placement"]!["AvailabilityZone"]!);
        Assert.Equal("default", (string)first["SecurityGroups"]![0]!["GroupName"]!);
        Assert.Equal("web", (string)first["Tags"]![0]!["Value"]!);
        Assert.Equal([0, 1], instances.Select(i => (int)i["AmiLaunchIndex"]!));

        var described = await _ec2.InstancesAsync();
        Assert.All(described, i => Assert.Equal((16, "running"), ((int)i["State"]!["Code"]!, (string)i["State"]!["Name"]!)));
    }

    [Fact]
    public async Task TransitionDelay_KeepsPendingUntilItHasPassed()
    {
        var ec2 = new Ec2Fixture(new Ec2Service { TransitionDelay = TimeSpan.FromSeconds(30) });
        var id = (await ec2.RunAsync()).Single();

        Assert.Equal("pending", await ec2.StateAsync(id));
        ec2.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("pending", await ec2.StateAsync(id));
        ec2.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("running", await ec2.StateAsync(id));
    }

    [Fact]
    public async Task StopStartTerminate_GoThroughEc2sStates()
    {
        var id = (await _ec2.RunAsync()).Single();
        var ids = new JsonObject { ["InstanceIds"] = new JsonArray(id) };

        var stop = (await _ec2.CallAsync("StopInstances", ids.DeepClone().AsObject()))["StoppingInstances"]![0]!;
        Assert.Equal((16, 64), ((int)stop["PreviousState"]!["Code"]!, (int)stop["CurrentState"]!["Code"]!));
        var stopped = (await _ec2.InstancesAsync()).Single();
        Assert.Equal("stopped", (string)stopped["State"]!["Name"]!);
        Assert.Equal(80, (int)stopped["State"]!["Code"]!);
        Assert.StartsWith("User initiated (2025-03-04 05:06:07 GMT)", (string)stopped["StateTransitionReason"]!, StringComparison.Ordinal);
        Assert.Equal("Client.UserInitiatedShutdown", (string)stopped["StateReason"]!["Code"]!);

        var stopAgain = (await _ec2.CallAsync("StopInstances", ids.DeepClone().AsObject()))["StoppingInstances"]![0]!;
        Assert.Equal((80, 80), ((int)stopAgain["PreviousState"]!["Code"]!, (int)stopAgain["CurrentState"]!["Code"]!));

        var start = (await _ec2.CallAsync("StartInstances", ids.DeepClone().AsObject()))["StartingInstances"]![0]!;
        Assert.Equal(("stopped", "pending"), ((string)start["PreviousState"]!["Name"]!, (string)start["CurrentState"]!["Name"]!));
        Assert.Equal("running", await _ec2.StateAsync(id));

        var terminate = (await _ec2.CallAsync("TerminateInstances", ids.DeepClone().AsObject()))["TerminatingInstances"]![0]!;
        Assert.Equal((16, 32), ((int)terminate["PreviousState"]!["Code"]!, (int)terminate["CurrentState"]!["Code"]!));
        var terminated = (await _ec2.InstancesAsync()).Single();
        Assert.Equal((48, "terminated"), ((int)terminated["State"]!["Code"]!, (string)terminated["State"]!["Name"]!));
        Assert.Null(terminated["PrivateIpAddress"]);

        var restart = await _ec2.FailsAsync("StartInstances", ids.DeepClone().AsObject());
        Assert.Equal(("IncorrectInstanceState", $"The instance '{id}' is not in a state from which it can be started."), (restart.Code, restart.Message));
        var reboot = await _ec2.FailsAsync("RebootInstances", ids.DeepClone().AsObject());
        Assert.Equal("IncorrectInstanceState", reboot.Code);

        // Terminated instances stay visible for an hour, then are gone.
        _ec2.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Single(await _ec2.InstancesAsync());
        _ec2.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await _ec2.InstancesAsync());
        var gone = await _ec2.FailsAsync("DescribeInstances", ids.DeepClone().AsObject());
        Assert.Equal("InvalidInstanceID.NotFound", gone.Code);
    }

    [Fact]
    public async Task StateChanges_CheckEveryInstanceBeforeChangingAny()
    {
        var ids = await _ec2.RunAsync(2);
        await _ec2.CallAsync("StopInstances", new JsonObject { ["InstanceIds"] = new JsonArray(ids[0]) });

        var error = await _ec2.FailsAsync("RebootInstances", new JsonObject { ["InstanceIds"] = new JsonArray(ids[1], ids[0]) });
        var missing = await _ec2.FailsAsync("TerminateInstances", new JsonObject { ["InstanceIds"] = new JsonArray(ids[1], "i-0000000000000000a", "i-0000000000000000b") });

        Assert.Equal($"The instance '{ids[0]}' is not in a state from which it can be rebooted.", error.Message);
        Assert.Equal(("InvalidInstanceID.NotFound", "The instance IDs 'i-0000000000000000a, i-0000000000000000b' do not exist"), (missing.Code, missing.Message));
        Assert.Equal("running", await _ec2.StateAsync(ids[1]));
        await _ec2.CallAsync("RebootInstances", new JsonObject { ["InstanceIds"] = new JsonArray(ids[1]) });
    }

    [Fact]
    public async Task DescribeInstances_Errors()
    {
        var notFound = await _ec2.FailsAsync("DescribeInstances", new JsonObject { ["InstanceIds"] = new JsonArray("i-0123456789abcdef0") });
        var malformed = await _ec2.FailsAsync("DescribeInstances", new JsonObject { ["InstanceIds"] = new JsonArray("i-xyz") });
        var combination = await _ec2.FailsAsync("DescribeInstances", new JsonObject { ["InstanceIds"] = new JsonArray("i-0123456789abcdef0"), ["MaxResults"] = 10 });
        var badToken = await _ec2.FailsAsync("DescribeInstances", new JsonObject { ["NextToken"] = "%%%" });
        var badMax = await _ec2.FailsAsync("DescribeInstances", new JsonObject { ["MaxResults"] = 2 });

        Assert.Equal(("InvalidInstanceID.NotFound", "The instance ID 'i-0123456789abcdef0' does not exist", 400), (notFound.Code, notFound.Message, notFound.StatusCode));
        Assert.Equal(("InvalidInstanceID.Malformed", "Invalid id: \"i-xyz\""), (malformed.Code, malformed.Message));
        Assert.Equal("InvalidParameterCombination", combination.Code);
        Assert.Equal("InvalidParameterValue", badToken.Code);
        Assert.Equal("InvalidParameterValue", badMax.Code);
    }

    [Theory]
    [InlineData("ImageId", "image-123", "InvalidAMIID.Malformed")]
    [InlineData("InstanceType", "t9.gigantic", "InvalidParameterValue")]
    [InlineData("KeyName", "nobody", "InvalidKeyPair.NotFound")]
    [InlineData("SubnetId", "subnet-0123456789abcdef0", "InvalidSubnetID.NotFound")]
    public async Task RunInstances_ChecksItsParameters(string member, string value, string code)
    {
        var input = new JsonObject { ["ImageId"] = "ami-0123456789abcdef0", ["MinCount"] = 1, ["MaxCount"] = 1, [member] = value };

        Assert.Equal(code, (await _ec2.FailsAsync("RunInstances", input)).Code);
        Assert.Empty(await _ec2.InstancesAsync());
    }

    [Fact]
    public async Task RunInstances_MissingCounts_IsMissingParameter()
    {
        var error = await _ec2.FailsAsync("RunInstances", new JsonObject { ["ImageId"] = "ami-0123456789abcdef0" });

        Assert.Equal(("MissingParameter", "The request must contain the parameter MinCount"), (error.Code, error.Message));
    }

    [Fact]
    public async Task RunInstances_ClientToken_IsIdempotent()
    {
        var input = new JsonObject { ["ImageId"] = "ami-0123456789abcdef0", ["MinCount"] = 1, ["MaxCount"] = 3, ["ClientToken"] = "token-1" };

        var first = await _ec2.CallAsync("RunInstances", input.DeepClone().AsObject());
        var second = await _ec2.CallAsync("RunInstances", input.DeepClone().AsObject());
        input["MaxCount"] = 4;
        var conflict = await _ec2.FailsAsync("RunInstances", input);

        Assert.Equal((string)first["ReservationId"]!, (string)second["ReservationId"]!);
        Assert.Equal(3, (await _ec2.InstancesAsync()).Count);
        Assert.Equal("IdempotentParameterMismatch", conflict.Code);
    }

    [Fact]
    public async Task RunInstances_RespectsTheInstanceLimit()
    {
        var ec2 = new Ec2Fixture(new Ec2Service { InstanceLimit = 5 });

        Assert.Equal(5, (await ec2.RunAsync(extra: new JsonObject { ["MinCount"] = 2, ["MaxCount"] = 10 })).Count);
        var error = await ec2.FailsAsync("RunInstances", new JsonObject { ["ImageId"] = "ami-0123456789abcdef0", ["MinCount"] = 1, ["MaxCount"] = 1 });
        Assert.Equal("InstanceLimitExceeded", error.Code);
    }

    [Fact]
    public async Task RunInstances_KeyGroupsSubnetAndZone()
    {
        await _ec2.CallAsync("ImportKeyPair", new JsonObject
        {
            ["KeyName"] = "ops",
            ["PublicKeyMaterial"] = Stratus.Protocols.NativeValues.Blob("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIERrCWj8FSekc8b2bWGNLprzFEUyR0ZdvOwmaNT+zXzC ops"u8.ToArray()),
        });
        var group = (string)(await _ec2.CallAsync("CreateSecurityGroup", new JsonObject { ["GroupName"] = "web", ["Description"] = "web" }))["GroupId"]!;

        var id = (await _ec2.RunAsync(extra: new JsonObject
        {
            ["KeyName"] = "ops",
            ["SecurityGroupIds"] = new JsonArray(group),
            ["Placement"] = new JsonObject { ["AvailabilityZone"] = "us-east-1b" },
            ["PrivateIpAddress"] = "172.31.20.7",
        })).Single();

        var instance = (await _ec2.InstancesAsync()).Single();
        Assert.Equal(id, (string)instance["InstanceId"]!);
        Assert.Equal("ops", (string)instance["KeyName"]!);
        Assert.Equal("us-east-1b", (string)instance["Placement"]!["AvailabilityZone"]!);
        Assert.Equal("172.31.20.7", (string)instance["PrivateIpAddress"]!);
        Assert.Equal([group], instance["SecurityGroups"]!.AsArray().Select(g => (string)g!["GroupId"]!));
        var inUse = await _ec2.FailsAsync("RunInstances", new JsonObject { ["ImageId"] = "ami-0123456789abcdef0", ["MinCount"] = 1, ["MaxCount"] = 1, ["PrivateIpAddress"] = "172.31.20.7", ["Placement"] = new JsonObject { ["AvailabilityZone"] = "us-east-1b" } });
        Assert.Equal("InvalidIPAddress.InUse", inUse.Code);
    }

    [Fact]
    public async Task DescribeInstances_PagesSixtyInstancesByTwentyFive()
    {
        var launched = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            launched.AddRange(await _ec2.RunAsync(20));
        }

        var pages = new List<int>();
        var seen = new List<string>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["MaxResults"] = 25 };
            if (token is not null)
            {
                input["NextToken"] = token;
            }
            var page = await _ec2.CallAsync("DescribeInstances", input);
            var ids = page["Reservations"]!.AsArray().SelectMany(r => r!["Instances"]!.AsArray()).Select(i => (string)i!["InstanceId"]!).ToList();
            pages.Add(ids.Count);
            seen.AddRange(ids);
            token = (string?)page["NextToken"];
        }
        while (token is not null);

        Assert.Equal([25, 25, 10], pages);
        Assert.Equal(launched, seen);
    }

    [Fact]
    public async Task DescribeInstances_Filters()
    {
        var web = await _ec2.RunAsync(2, new JsonObject
        {
            ["TagSpecifications"] = new JsonArray(new JsonObject
            {
                ["ResourceType"] = "instance",
                ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "Name", ["Value"] = "web" }),
            }),
        });
        var db = (await _ec2.RunAsync(extra: new JsonObject { ["InstanceType"] = "r5.large", ["Placement"] = new JsonObject { ["AvailabilityZone"] = "us-east-1c" } })).Single();
        await _ec2.CallAsync("StopInstances", new JsonObject { ["InstanceIds"] = new JsonArray(web[1]) });
        var subnetC = (string)(await _ec2.InstancesAsync(new JsonObject { ["InstanceIds"] = new JsonArray(db) })).Single()["SubnetId"]!;
        var vpc = (string)(await _ec2.CallAsync("DescribeVpcs"))["Vpcs"]![0]!["VpcId"]!;

        Assert.Equal([web[0], db], await IdsAsync("instance-state-name", "running"));
        Assert.Equal([web[1]], await IdsAsync("instance-state-name", "stopped"));
        Assert.Equal(web, await IdsAsync("tag:Name", "web"));
        Assert.Equal(web, await IdsAsync("tag-key", "Name"));
        Assert.Equal([db], await IdsAsync("instance-type", "r5.*"));
        Assert.Equal([db], await IdsAsync("instance-id", db));
        Assert.Equal([db], await IdsAsync("subnet-id", subnetC));
        Assert.Equal(3, (await IdsAsync("vpc-id", vpc)).Count);
        Assert.Empty(await IdsAsync("key-name", "any"));
        Assert.Equal("The filter 'nonsense' is invalid", (await _ec2.FailsAsync("DescribeInstances", new JsonObject { ["Filters"] = Ec2Fixture.Filter("nonsense", "x") })).Message);
    }

    [Fact]
    public async Task ConcurrentLaunches_GetDistinctIdsAndAddresses()
    {
        var launches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _ec2.RunAsync(5))));

        var instances = await _ec2.InstancesAsync();
        Assert.Equal(40, instances.Count);
        Assert.Equal(40, launches.SelectMany(l => l).Distinct().Count());
        Assert.Equal(40, instances.Select(i => (string)i["PrivateIpAddress"]!).Distinct().Count());
    }

    private async Task<List<string>> IdsAsync(string filter, params string[] values) =>
        (await _ec2.InstancesAsync(new JsonObject { ["Filters"] = Ec2Fixture.Filter(filter, values) })).Select(i => (string)i["InstanceId"]!).ToList();
}
