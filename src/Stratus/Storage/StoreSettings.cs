namespace Stratus.Storage;

/// <summary>
/// How to open a store: the common settings, plus provider-specific values by name (for example
/// <c>connection-string</c> for Azure, <c>auth-url</c> for Swift). Unset values come from the provider's usual
/// environment variables and files, read through <see cref="Environment"/>.
/// </summary>
public sealed class StoreSettings
{
    /// <summary>A named profile (an AWS shared-config profile; for S3-compatible clouds it may name a preset too).</summary>
    public string? Profile { get; set; }

    /// <summary>An explicit endpoint (an emulator, an S3-compatible server, a Swift storage URL).</summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>The region, where the provider has regions.</summary>
    public string? Region { get; set; }

    /// <summary>Provider-specific settings by name (case-insensitive).</summary>
    public IDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads an environment variable (replace it in tests). Default: the process environment.</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Shows the settings' names only: values may be secrets.</summary>
    public override string ToString() =>
        $"StoreSettings {{ Profile = {Profile}, EndpointUrl = {EndpointUrl}, Region = {Region}, Values = [{string.Join(", ", Values.Keys)}] }}";
}
