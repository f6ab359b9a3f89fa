using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Services.Ec2;

/// <summary>A key pair. EC2 keeps only the public key; the private key is returned once, by CreateKeyPair.</summary>
internal sealed class KeyPairRecord : ITaggable
{
    public static readonly IReadOnlyDictionary<string, Func<KeyPairRecord, IEnumerable<string?>>> FilterFields =
        new Dictionary<string, Func<KeyPairRecord, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["key-name"] = k => [k.Name],
            ["key-pair-id"] = k => [k.Id],
            ["fingerprint"] = k => [k.Fingerprint],
            ["key-type"] = k => [k.KeyType],
        };

    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary><c>rsa</c> or <c>ed25519</c>.</summary>
    public required string KeyType { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>The public key in OpenSSH form, the key name as comment.</summary>
    public required string PublicKey { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public Tags Tags { get; init; } = new();

    public string ResourceType => "key-pair";

    public JsonObject ToOutput(bool includePublicKey)
    {
        var output = new JsonObject
        {
            ["KeyPairId"] = Id,
            ["KeyFingerprint"] = Fingerprint,
            ["KeyName"] = Name,
            ["KeyType"] = KeyType,
            ["Tags"] = Tags.ToOutput(),
            ["CreateTime"] = NativeValues.Timestamp(CreateTime),
        };
        if (includePublicKey)
        {
            output["PublicKey"] = PublicKey;
        }
        return output;
    }

    public JsonObject ToState() => new()
    {
        ["Id"] = Id,
        ["Name"] = Name,
        ["KeyType"] = KeyType,
        ["Fingerprint"] = Fingerprint,
        ["PublicKey"] = PublicKey,
        ["CreateTime"] = Ec2State.Time(CreateTime),
        ["Tags"] = Tags.ToOutput(),
    };

    public static KeyPairRecord FromState(JsonObject state) => new()
    {
        Id = Ec2State.String(state, "Id"),
        Name = Ec2State.String(state, "Name"),
        KeyType = Ec2State.String(state, "KeyType"),
        Fingerprint = Ec2State.String(state, "Fingerprint"),
        PublicKey = Ec2State.String(state, "PublicKey"),
        CreateTime = Ec2State.Time(state["CreateTime"]),
        Tags = Tags.FromState(state["Tags"]),
    };
}
