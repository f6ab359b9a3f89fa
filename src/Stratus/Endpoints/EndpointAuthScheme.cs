using System.Text.Json;

namespace Stratus.Endpoints;

/// <summary>One entry of an endpoint's <c>authSchemes</c> property: how to sign requests sent to it.</summary>
public sealed class EndpointAuthScheme
{
    private EndpointAuthScheme(JsonElement json)
    {
        Json = json;
        Name = Str(json, "name") ?? "";
        SigningName = Str(json, "signingName");
        SigningRegion = Str(json, "signingRegion");
        SigningRegionSet = json.TryGetProperty("signingRegionSet", out var set) && set.ValueKind == JsonValueKind.Array
            ? set.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];
        DisableDoubleEncoding = json.TryGetProperty("disableDoubleEncoding", out var d) && d.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? d.GetBoolean()
            : null;
    }

    /// <summary>The scheme name, for example <c>sigv4</c>, <c>sigv4a</c> or <c>sigv4-s3express</c>.</summary>
    public string Name { get; }

    /// <summary>The service name to sign with, when the rules override it.</summary>
    public string? SigningName { get; }

    /// <summary>The region to sign with (SigV4), when the rules override it.</summary>
    public string? SigningRegion { get; }

    /// <summary>The region set to sign with (SigV4a); empty when absent.</summary>
    public IReadOnlyList<string> SigningRegionSet { get; }

    /// <summary>Whether the signer must not encode the path a second time (S3), when the rules say so.</summary>
    public bool? DisableDoubleEncoding { get; }

    /// <summary>The whole entry, including members not surfaced above.</summary>
    public JsonElement Json { get; }

    internal static EndpointAuthScheme FromJson(JsonElement json) => new(json);

    private static string? Str(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
