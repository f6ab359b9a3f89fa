using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// The mocked Amazon EC2, per account and region: key pairs with real key material, instances and their
/// lifecycle, security groups and their rules, tags, and a default VPC with a default subnet per availability
/// zone. Errors carry EC2's codes and messages. Thread-safe; its state can be saved and restored.
/// </summary>
/// <remarks>
/// Images are not modeled: any well-formed image id (<c>ami-</c> and 8 or 17 hex digits) launches an x86_64
/// HVM EBS-backed Linux instance. A transitional instance state (pending, stopping, shutting-down) ends once
/// <see cref="TransitionDelay"/> has passed, by default at the next call; terminated instances stay visible
/// for <see cref="TerminatedRetention"/>.
/// </remarks>
public sealed partial class Ec2Service : MockService, IPersistentMockService
{
    private readonly ConcurrentDictionary<(string Account, string Region), Ec2Region> _regions = new();
    private readonly Lock _regionsGate = new();
    private long _stateVersion;

    /// <summary>Creates the service with no state: each account and region gets its default VPC when first called.</summary>
    public Ec2Service()
    {
        RegisterKeyPairs();
        RegisterInstances();
        RegisterSecurityGroups();
        RegisterVpcs();
        RegisterTags();
    }

    /// <inheritdoc />
    public override string Name => "ec2";

    /// <inheritdoc />
    public long StateVersion => Interlocked.Read(ref _stateVersion);

    /// <summary>
    /// How long pending, stopping and shutting-down last. Zero (the default): the call that starts a transition
    /// answers with the transitional state, and any later call sees the state it leads to.
    /// </summary>
    public TimeSpan TransitionDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How long a terminated instance stays visible to DescribeInstances (EC2: about an hour).</summary>
    public TimeSpan TerminatedRetention { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many instances (not terminated) an account may run in a region.</summary>
    public int InstanceLimit { get; init; } = 1000;

    /// <summary>
    /// Runs one call: answers DryRun, then runs <paramref name="body"/> under the region's lock, after bringing
    /// instance states up to the call's time.
    /// </summary>
    private JsonObject Locked(MockCallContext context, JsonObject input, Func<Ec2Region, DateTimeOffset, JsonObject> body)
    {
        Ec2Input.CheckDryRun(input);
        var region = RegionOf(context);
        var now = context.Now;
        lock (region.Gate)
        {
            region.Refresh(now, TransitionDelay, TerminatedRetention);
            return body(region, now);
        }
    }

    private Ec2Region RegionOf(MockCallContext context)
    {
        var key = (context.Account.AccountId, context.Region);
        if (_regions.TryGetValue(key, out var region))
        {
            return region;
        }
        lock (_regionsGate)
        {
            if (!_regions.TryGetValue(key, out region))
            {
                region = Ec2Region.Create(key.AccountId, key.Region);
                _regions[key] = region;
                Changed();
            }
            return region;
        }
    }

    /// <summary>Records a change of state (the cloud saves a snapshot after the call).</summary>
    private void Changed() => Interlocked.Increment(ref _stateVersion);
}
