using System.Globalization;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// An instance and its lifecycle. A transitional state (pending, stopping, shutting-down) ends by itself once
/// the service's transition delay has passed since it began: <see cref="Refresh"/> applies that, so the
/// state is a function of the clock (and saved state reloads to the same answers).
/// </summary>
internal sealed class InstanceRecord : ITaggable
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string ShuttingDown = "shutting-down";
    public const string Terminated = "terminated";
    public const string Stopping = "stopping";
    public const string Stopped = "stopped";

    public static readonly IReadOnlyDictionary<string, Func<InstanceRecord, IEnumerable<string?>>> FilterFields =
        new Dictionary<string, Func<InstanceRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["instance-id"] = i => [i.Id],
            ["instance-state-name"] = i => [i.StateName],
            ["instance-state-code"] = i => [Code(i.StateName).ToString(CultureInfo.InvariantCulture)],
            ["instance-type"] = i => [i.InstanceType],
            ["image-id"] = i => [i.ImageId],
            ["key-name"] = i => [i.KeyName],
            ["vpc-id"] = i => [i.VpcId],
            ["subnet-id"] = i => [i.SubnetId],
            ["availability-zone"] = i => [i.AvailabilityZone],
            ["placement-availability-zone"] = i => [i.AvailabilityZone],
            ["private-ip-address"] = i => [i.Addressed ? i.PrivateIp : null],
            ["private-dns-name"] = i => [i.Addressed ? i.PrivateDnsName : null],
            ["reservation-id"] = i => [i.ReservationId],
            ["owner-id"] = i => [i.OwnerId],
            ["client-token"] = i => [i.ClientToken],
            ["launch-index"] = i => [i.LaunchIndex.ToString(CultureInfo.InvariantCulture)],
            ["instance.group-id"] = i => i.SecurityGroups.Select(g => (string?)g.Id),
            ["instance.group-name"] = i => i.SecurityGroups.Select(g => (string?)g.Name),
            ["architecture"] = _ => ["x86_64"],
            ["root-device-type"] = _ => ["ebs"],
            ["tenancy"] = _ => ["default"],
        };

    public required string Id { get; init; }

    public required string ReservationId { get; init; }

    public required string OwnerId { get; init; }

    public required string Region { get; init; }

    public required string ImageId { get; init; }

    public required string InstanceType { get; init; }

    public string? KeyName { get; init; }

    public required int LaunchIndex { get; init; }

    public required DateTimeOffset LaunchTime { get; init; }

    public string? ClientToken { get; init; }

    /// <summary>A hash of the RunInstances input, to tell a repeated idempotent request from a conflicting one.</summary>
    public string? RequestHash { get; init; }

    public required string SubnetId { get; init; }

    public required string VpcId { get; init; }

    public required string AvailabilityZone { get; init; }

    public required string PrivateIp { get; init; }

    public required IReadOnlyList<(string Id, string Name)> SecurityGroups { get; init; }

    public bool DisableApiTermination { get; init; }

    public bool DisableApiStop { get; init; }

    /// <summary>The order of launch in the region (the order instances are listed and paged in).</summary>
    public required long Sequence { get; init; }

    public Tags Tags { get; init; } = new();

    public string StateName { get; private set; } = Pending;

    public DateTimeOffset StateChangedAt { get; private set; }

    public string StateTransitionReason { get; private set; } = "";

    public string? StateReasonCode { get; private set; }

    public string ResourceType => "instance";

    /// <summary>Whether the instance holds its private address (every state but terminated).</summary>
    public bool Addressed => StateName != Terminated;

    /// <summary>The private DNS name EC2 gives an address: <c>ip-172-31-0-4.ec2.internal</c> in us-east-1, else <c>ip-...region.compute.internal</c>.</summary>
    public string PrivateDnsName =>
        $"ip-{PrivateIp.Replace('.', '-')}.{(Region == "us-east-1" ? "ec2.internal" : $"{Region}.compute.internal")}";

    public static int Code(string state) => state switch
    {
        Pending => 0,
        Running => 16,
        ShuttingDown => 32,
        Terminated => 48,
        Stopping => 64,
        Stopped => 80,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JsonObject StateOutput(string state) => new() { ["Code"] = Code(state), ["Name"] = state };

    /// <summary>Enters a state now; <paramref name="userInitiated"/> records why, as EC2 does for stops and terminations.</summary>
    public void SetState(string state, DateTimeOffset now, bool userInitiated = false)
    {
        StateName = state;
        StateChangedAt = now;
        if (userInitiated)
        {
            StateTransitionReason = $"User initiated ({now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} GMT)";
            StateReasonCode = "Client.UserInitiatedShutdown";
        }
        else if (state is Pending or Running)
        {
            StateTransitionReason = "";
            StateReasonCode = state == Pending ? "pending" : null;
        }
    }

    /// <summary>Ends a transitional state whose time is up (pending to running, stopping to stopped, shutting-down to terminated).</summary>
    /// <returns>Whether the state changed.</returns>
    public bool Refresh(DateTimeOffset now, TimeSpan delay)
    {
        var next = StateName switch
        {
            Pending => Running,
            Stopping => Stopped,
            ShuttingDown => Terminated,
            _ => null,
        };
        if (next is null || now < StateChangedAt + delay)
        {
            return false;
        }
        StateName = next;
        StateChangedAt += delay;
        if (next == Running)
        {
            StateReasonCode = null;
        }
        return true;
    }

    /// <summary>Whether a terminated instance has been gone long enough to vanish from describes.</summary>
    public bool Expired(DateTimeOffset now, TimeSpan retention) => StateName == Terminated && now >= StateChangedAt + retention;

    public JsonObject ToOutput()
    {
        var output = new JsonObject
        {
            ["Architecture"] = "x86_64",
            ["BlockDeviceMappings"] = new JsonArray(),
            ["ClientToken"] = ClientToken ?? "",
            ["EbsOptimized"] = false,
            ["EnaSupport"] = true,
            ["Hypervisor"] = "xen",
            ["NetworkInterfaces"] = new JsonArray(),
            ["RootDeviceName"] = "/dev/xvda",
            ["RootDeviceType"] = "ebs",
            ["SecurityGroups"] = new JsonArray(SecurityGroups.Select(g => (JsonNode)new JsonObject { ["GroupId"] = g.Id, ["GroupName"] = g.Name }).ToArray()),
            ["SourceDestCheck"] = true,
            ["VirtualizationType"] = "hvm",
            ["CpuOptions"] = new JsonObject { ["CoreCount"] = 1, ["ThreadsPerCore"] = 1 },
            ["HibernationOptions"] = new JsonObject { ["Configured"] = false },
            ["MetadataOptions"] = new JsonObject
            {
                ["State"] = "applied",
                ["HttpTokens"] = "required",
                ["HttpPutResponseHopLimit"] = 2,
                ["HttpEndpoint"] = "enabled",
                ["HttpProtocolIpv6"] = "disabled",
                ["InstanceMetadataTags"] = "disabled",
            },
            ["EnclaveOptions"] = new JsonObject { ["Enabled"] = false },
            ["PlatformDetails"] = "Linux/UNIX",
            ["UsageOperation"] = "RunInstances",
            ["UsageOperationUpdateTime"] = NativeValues.Timestamp(LaunchTime),
            ["PrivateDnsNameOptions"] = new JsonObject
            {
                ["HostnameType"] = "ip-name",
                ["EnableResourceNameDnsARecord"] = false,
                ["EnableResourceNameDnsAAAARecord"] = false,
            },
            ["MaintenanceOptions"] = new JsonObject { ["AutoRecovery"] = "default" },
            ["CurrentInstanceBootMode"] = "legacy-bios",
            ["InstanceId"] = Id,
            ["ImageId"] = ImageId,
            ["State"] = StateOutput(StateName),
            ["PrivateDnsName"] = Addressed ? PrivateDnsName : "",
            ["PublicDnsName"] = "",
            ["StateTransitionReason"] = StateTransitionReason,
            ["AmiLaunchIndex"] = LaunchIndex,
            ["ProductCodes"] = new JsonArray(),
            ["InstanceType"] = InstanceType,
            ["LaunchTime"] = NativeValues.Timestamp(LaunchTime),
            ["Placement"] = new JsonObject { ["AvailabilityZone"] = AvailabilityZone, ["GroupName"] = "", ["Tenancy"] = "default" },
            ["Monitoring"] = new JsonObject { ["State"] = "disabled" },
            ["SubnetId"] = SubnetId,
            ["VpcId"] = VpcId,
        };
        if (KeyName is not null)
        {
            output["KeyName"] = KeyName;
        }
        if (Addressed)
        {
            output["PrivateIpAddress"] = PrivateIp;
        }
        if (StateReasonCode is not null)
        {
            output["StateReason"] = new JsonObject
            {
                ["Code"] = StateReasonCode,
                ["Message"] = StateReasonCode == "pending" ? "pending" : $"{StateReasonCode}: User initiated shutdown",
            };
        }
        Tags.AddTo(output);
        return output;
    }

    public JsonObject ToState() => new()
    {
        ["Id"] = Id,
        ["ReservationId"] = ReservationId,
        ["OwnerId"] = OwnerId,
        ["Region"] = Region,
        ["ImageId"] = ImageId,
        ["InstanceType"] = InstanceType,
        ["KeyName"] = KeyName,
        ["LaunchIndex"] = LaunchIndex,
        ["LaunchTime"] = Ec2State.Time(LaunchTime),
        ["ClientToken"] = ClientToken,
        ["RequestHash"] = RequestHash,
        ["SubnetId"] = SubnetId,
        ["VpcId"] = VpcId,
        ["AvailabilityZone"] = AvailabilityZone,
        ["PrivateIp"] = PrivateIp,
        ["SecurityGroups"] = new JsonArray(SecurityGroups.Select(g => (JsonNode)new JsonObject { ["Id"] = g.Id, ["Name"] = g.Name }).ToArray()),
        ["DisableApiTermination"] = DisableApiTermination,
        ["DisableApiStop"] = DisableApiStop,
        ["Sequence"] = Sequence,
        ["Tags"] = Tags.ToOutput(),
        ["StateName"] = StateName,
        ["StateChangedAt"] = Ec2State.Time(StateChangedAt),
        ["StateTransitionReason"] = StateTransitionReason,
        ["StateReasonCode"] = StateReasonCode,
    };

    public static InstanceRecord FromState(JsonObject state) => new()
    {
        Id = Ec2State.String(state, "Id"),
        ReservationId = Ec2State.String(state, "ReservationId"),
        OwnerId = Ec2State.String(state, "OwnerId"),
        Region = Ec2State.String(state, "Region"),
        ImageId = Ec2State.String(state, "ImageId"),
        InstanceType = Ec2State.String(state, "InstanceType"),
        KeyName = Ec2State.OptionalString(state, "KeyName"),
        LaunchIndex = (int?)state["LaunchIndex"] ?? 0,
        LaunchTime = Ec2State.Time(state["LaunchTime"]),
        ClientToken = Ec2State.OptionalString(state, "ClientToken"),
        RequestHash = Ec2State.OptionalString(state, "RequestHash"),
        SubnetId = Ec2State.String(state, "SubnetId"),
        VpcId = Ec2State.String(state, "VpcId"),
        AvailabilityZone = Ec2State.String(state, "AvailabilityZone"),
        PrivateIp = Ec2State.String(state, "PrivateIp"),
        SecurityGroups = state["SecurityGroups"] is JsonArray groups
            ? groups.OfType<JsonObject>().Select(g => (Ec2State.String(g, "Id"), Ec2State.String(g, "Name"))).ToList()
            : [],
        DisableApiTermination = (bool?)state["DisableApiTermination"] ?? false,
        DisableApiStop = (bool?)state["DisableApiStop"] ?? false,
        Sequence = (long?)state["Sequence"] ?? 0,
        Tags = Tags.FromState(state["Tags"]),
        StateName = Ec2State.String(state, "StateName"),
        StateChangedAt = Ec2State.Time(state["StateChangedAt"]),
        StateTransitionReason = Ec2State.String(state, "StateTransitionReason"),
        StateReasonCode = Ec2State.OptionalString(state, "StateReasonCode"),
    };
}
