namespace Stratus.Endpoints;

/// <summary>
/// An AWS partition (from <c>partitions.json</c>) as seen from one region: its id, DNS suffixes and capabilities.
/// These are the values <c>aws.partition</c> gives a rule set.
/// </summary>
public sealed class Partition
{
    internal Partition(string id, IReadOnlyDictionary<string, object?> outputs)
    {
        Id = id;
        Outputs = outputs;
    }

    /// <summary>The partition id, for example <c>aws</c>, <c>aws-cn</c> or <c>aws-us-gov</c>.</summary>
    public string Id { get; }

    /// <summary>The partition name rule sets compare against (normally the id).</summary>
    public string Name => Text("name") ?? Id;

    /// <summary>The DNS suffix, for example <c>amazonaws.com</c>.</summary>
    public string? DnsSuffix => Text("dnsSuffix");

    /// <summary>The dual-stack DNS suffix, for example <c>api.aws</c>.</summary>
    public string? DualStackDnsSuffix => Text("dualStackDnsSuffix");

    /// <summary>Whether the partition has FIPS endpoints.</summary>
    public bool SupportsFips => Outputs.GetValueOrDefault("supportsFIPS") is true;

    /// <summary>Whether the partition has dual-stack endpoints.</summary>
    public bool SupportsDualStack => Outputs.GetValueOrDefault("supportsDualStack") is true;

    /// <summary>The region global endpoints of this partition are signed for, for example <c>us-east-1</c>.</summary>
    public string? ImplicitGlobalRegion => Text("implicitGlobalRegion");

    /// <summary>The outputs as the rules engine sees them (a record of strings and booleans).</summary>
    internal IReadOnlyDictionary<string, object?> Outputs { get; }

    private string? Text(string key) => Outputs.GetValueOrDefault(key) as string;

    /// <inheritdoc />
    public override string ToString() => Id;
}
