using System.Text.Json;

namespace Stratus.Endpoints;

/// <summary>
/// A resolved endpoint: the URL to send the request to, the rule set's properties (for example
/// <c>authSchemes</c>) and extra headers. Immutable; resolutions are cached, so one instance may be shared.
/// </summary>
public sealed class Endpoint
{
    internal static readonly IReadOnlyDictionary<string, JsonElement> NoProperties = new Dictionary<string, JsonElement>();

    /// <summary>Creates an endpoint.</summary>
    /// <param name="url">The endpoint URL, exactly as the rules produced it (see <see cref="Uri.OriginalString"/>).</param>
    /// <param name="properties">The endpoint properties (top-level names to JSON values); none when <see langword="null"/>.</param>
    /// <param name="headers">Headers to add to the request; none when <see langword="null"/>.</param>
    public Endpoint(Uri url, IReadOnlyDictionary<string, JsonElement>? properties = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        Properties = properties ?? NoProperties;
        Headers = headers ?? new Dictionary<string, IReadOnlyList<string>>();
        AuthSchemes = Properties.TryGetValue("authSchemes", out var schemes) && schemes.ValueKind == JsonValueKind.Array
            ? schemes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).Select(EndpointAuthScheme.FromJson).ToArray()
            : [];
    }

    /// <summary>The endpoint URL; <see cref="Uri.OriginalString"/> is the text the rules produced.</summary>
    public Uri Url { get; }

    /// <summary>The endpoint properties: top-level names to JSON values (immutable <see cref="JsonElement"/>s).</summary>
    public IReadOnlyDictionary<string, JsonElement> Properties { get; }

    /// <summary>Headers to add to the request, each with its values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The <c>authSchemes</c> property, typed, in the rule set's order of preference; empty when absent.</summary>
    public IReadOnlyList<EndpointAuthScheme> AuthSchemes { get; }

    /// <inheritdoc />
    public override string ToString() => Url.OriginalString;
}
