using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Ec2;

public sealed partial class Ec2Service
{
    private void RegisterKeyPairs()
    {
        On("CreateKeyPair", CreateKeyPair);
        On("ImportKeyPair", ImportKeyPair);
        On("DescribeKeyPairs", DescribeKeyPairs);
        On("DeleteKeyPair", DeleteKeyPair);
    }

    /// <summary>
    /// Creates an RSA 2048 key pair (private key in PEM, or PuTTY's .ppk with KeyFormat ppk) or an ED25519 one
    /// (private key in OpenSSH's format), and returns the private key once.
    /// </summary>
    private JsonObject CreateKeyPair(MockCallContext context, JsonObject input)
    {
        Ec2Input.CheckDryRun(input);
        var name = KeyName(input);
        var keyType = Ec2Input.String(input, "KeyType") ?? "rsa";
        var format = Ec2Input.String(input, "KeyFormat") ?? "pem";
        if (keyType is not ("rsa" or "ed25519"))
        {
            throw Ec2Errors.InvalidValue($"Value ({keyType}) for parameter keyType is invalid. Valid values: rsa, ed25519.");
        }
        if (format is not ("pem" or "ppk"))
        {
            throw Ec2Errors.InvalidValue($"Value ({format}) for parameter keyFormat is invalid. Valid values: pem, ppk.");
        }
        if (keyType == "ed25519" && format == "ppk")
        {
            throw Ec2Errors.NotImplemented("The Stratus mock cloud writes ed25519 private keys in OpenSSH's format only; ask for KeyFormat pem.");
        }
        var tags = Tags.FromSpecifications(input, "key-pair");
        var region = RegionOf(context);
        lock (region.Gate)
        {
            if (region.KeyPairs.ContainsKey(name))
            {
                throw Ec2Errors.KeyPairDuplicate(name);
            }
        }
        // Making the key takes a while: outside the lock, then checked again.
        var (privateKey, fingerprint, publicKey) = keyType == "rsa" ? SshKeys.CreateRsa(name, ppk: format == "ppk") : SshKeys.CreateEd25519(name);
        var key = AddKeyPair(region, name, keyType, fingerprint, publicKey, tags, context.Now);
        return new JsonObject
        {
            ["KeyPairId"] = key.Id,
            ["Tags"] = key.Tags.ToOutput(),
            ["KeyName"] = key.Name,
            ["KeyFingerprint"] = key.Fingerprint,
            ["KeyMaterial"] = privateKey,
        };
    }

    /// <summary>Imports a public key (OpenSSH, RFC 4716, PEM or base64 DER; RSA or ED25519).</summary>
    private JsonObject ImportKeyPair(MockCallContext context, JsonObject input)
    {
        Ec2Input.CheckDryRun(input);
        var name = KeyName(input);
        if (!NativeValues.TryGetBytes(input["PublicKeyMaterial"], out var material) || material.Length == 0)
        {
            throw Ec2Errors.Missing("PublicKeyMaterial");
        }
        var (keyType, fingerprint, publicKey) = SshKeys.Import(material, name);
        var tags = Tags.FromSpecifications(input, "key-pair");
        var key = AddKeyPair(RegionOf(context), name, keyType, fingerprint, publicKey, tags, context.Now);
        return new JsonObject
        {
            ["KeyFingerprint"] = key.Fingerprint,
            ["KeyName"] = key.Name,
            ["KeyPairId"] = key.Id,
            ["Tags"] = key.Tags.ToOutput(),
        };
    }

    private JsonObject DescribeKeyPairs(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var matches = Filters.Parse(input).Compile(KeyPairRecord.FilterFields, k => k.Tags);
        var names = Ec2Input.Strings(input, "KeyNames");
        var ids = Ec2Input.Strings(input, "KeyPairIds");
        if (names.Find(n => !region.KeyPairs.ContainsKey(n)) is { } missingName)
        {
            throw Ec2Errors.KeyPairNotFound(missingName);
        }
        if (ids.Find(id => !region.KeyPairs.Values.Any(k => k.Id == id)) is { } missingId)
        {
            throw Ec2Errors.KeyPairIdNotFound(missingId);
        }
        var includePublicKey = Ec2Input.Boolean(input, "IncludePublicKey");
        var keys = region.KeyPairs.Values
            .Where(k => (names.Count == 0 || names.Contains(k.Name)) && (ids.Count == 0 || ids.Contains(k.Id)) && matches(k))
            .OrderBy(k => k.CreateTime)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => (JsonNode)k.ToOutput(includePublicKey));
        return new JsonObject { ["KeyPairs"] = new JsonArray(keys.ToArray()) };
    });

    /// <summary>Deletes a key pair by name or id; deleting one that does not exist succeeds, as on EC2.</summary>
    private JsonObject DeleteKeyPair(MockCallContext context, JsonObject input) => Locked(context, input, (region, _) =>
    {
        var name = Ec2Input.String(input, "KeyName");
        var id = Ec2Input.String(input, "KeyPairId");
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(id))
        {
            throw Ec2Errors.Missing("KeyName");
        }
        var key = region.KeyPairs.Values.FirstOrDefault(k => (string.IsNullOrEmpty(name) || k.Name == name) && (string.IsNullOrEmpty(id) || k.Id == id));
        var output = new JsonObject { ["Return"] = true };
        if (key is not null)
        {
            region.KeyPairs.Remove(key.Name);
            Changed();
            output["KeyPairId"] = key.Id;
        }
        return output;
    });

    private static string KeyName(JsonObject input)
    {
        var name = Ec2Input.RequiredString(input, "KeyName");
        return name.Length <= 255 && name.All(char.IsAscii)
            ? name
            : throw Ec2Errors.InvalidValue($"Value ({name}) for parameter keyName is invalid. Key names must be ASCII and at most 255 characters long.");
    }

    private KeyPairRecord AddKeyPair(Ec2Region region, string name, string keyType, string fingerprint, string publicKey, List<KeyValuePair<string, string>> tags, DateTimeOffset now)
    {
        lock (region.Gate)
        {
            if (region.KeyPairs.ContainsKey(name))
            {
                throw Ec2Errors.KeyPairDuplicate(name);
            }
            var key = new KeyPairRecord
            {
                Id = Ec2Ids.New("key"),
                Name = name,
                KeyType = keyType,
                Fingerprint = fingerprint,
                PublicKey = publicKey,
                CreateTime = now,
            };
            key.Tags.SetAll(tags);
            region.KeyPairs[name] = key;
            Changed();
            return key;
        }
    }
}
