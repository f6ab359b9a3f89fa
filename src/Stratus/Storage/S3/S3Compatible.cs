using Stratus.Client;

namespace Stratus.Storage.S3;

/// <summary>
/// Client options for S3-compatible servers: a generic profile (path-style addressing, a fixed or absent
/// region, SigV4 or SigV2, flexible checksums on or off) and presets for the common clouds. The runtime never
/// sends <c>aws-chunked</c> bodies (a stream that cannot seek goes as <c>UNSIGNED-PAYLOAD</c>, and the transfer
/// manager sends each part from memory with its length), so servers without aws-chunked decoding need no switch
/// for it. See README.md beside this file for the table of presets.
/// </summary>
public static class S3Compatible
{
    /// <summary>The preset names (aliases: <c>google</c>, <c>rgw</c>, <c>backblaze</c>, <c>cloudflare</c>, <c>digitalocean</c>).</summary>
    public static IReadOnlyList<string> Presets { get; } = ["generic", "gcs", "ceph", "minio", "wasabi", "b2", "r2", "spaces"];

    /// <summary>
    /// Options for a generic S3-compatible server: path-style addressing, the region given (default
    /// <c>us-east-1</c>, which most servers accept or ignore), SigV4 (or <c>s3v2</c>), and flexible checksums only
    /// when <paramref name="flexibleChecksums"/> (the default is off: many servers reject <c>x-amz-checksum-*</c>).
    /// </summary>
    /// <param name="endpointUrl">The server.</param>
    /// <param name="region">The region to sign for.</param>
    /// <param name="signatureVersion"><c>v4</c> (default) or <c>s3v2</c>.</param>
    /// <param name="flexibleChecksums">Whether uploads carry CRC checksums (<see cref="ClientOptions.RequestChecksumCalculation"/>).</param>
    public static ClientOptions Generic(Uri endpointUrl, string? region = null, string? signatureVersion = null, bool flexibleChecksums = false)
    {
        ArgumentNullException.ThrowIfNull(endpointUrl);
        return new ClientOptions
        {
            EndpointUrl = endpointUrl,
            Region = region ?? "us-east-1",
            ForcePathStyle = true,
            SignatureVersion = signatureVersion ?? "v4",
            RequestChecksumCalculation = flexibleChecksums ? "when_supported" : "when_required",
        };
    }

    /// <summary>
    /// Options for a named preset (see <see cref="Presets"/>): its endpoint, region, addressing, signature and
    /// checksum switches. Set credentials (or a profile) on the result.
    /// </summary>
    /// <param name="name">The preset (case-insensitive).</param>
    /// <param name="region">The region, where the preset has regions (Wasabi, Backblaze B2, DigitalOcean Spaces); else ignored.</param>
    /// <param name="account">The Cloudflare account id (R2 only).</param>
    /// <param name="endpointUrl">The server, for presets without a public endpoint (Ceph RGW, MinIO, generic); overrides the preset's otherwise.</param>
    /// <exception cref="ArgumentException">The preset is unknown, or a value it needs is missing.</exception>
    public static ClientOptions Preset(string name, string? region = null, string? account = null, Uri? endpointUrl = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var preset = name.ToLowerInvariant() switch
        {
            "generic" or "s3-compatible" => Generic(Need(endpointUrl, name), region),
            "gcs" or "google" => Generic(new Uri("https://storage.googleapis.com"), "auto"),
            "ceph" or "rgw" => Generic(Need(endpointUrl, name), region),
            // MinIO implements flexible checksums (CRC32, CRC32C, SHA) since 2022.
            "minio" => Generic(Need(endpointUrl, name), region, flexibleChecksums: true),
            "wasabi" => Generic(new Uri(region is null or "us-east-1" ? "https://s3.wasabisys.com" : $"https://s3.{Host(region)}.wasabisys.com"), region ?? "us-east-1"),
            "b2" or "backblaze" => Generic(new Uri($"https://s3.{Host(Need(region, name, "region (for example us-west-004)"))}.backblazeb2.com"), region),
            "r2" or "cloudflare" => Generic(new Uri($"https://{Host(Need(account, name, "account (the Cloudflare account id)"))}.r2.cloudflarestorage.com"), "auto"),
            "spaces" or "digitalocean" => Generic(new Uri($"https://{Host(Need(region, name, "region (for example nyc3)"))}.digitaloceanspaces.com"), region),
            _ => throw new ArgumentException($"Unknown S3-compatible preset '{name}' (known: {string.Join(", ", Presets)}).", nameof(name)),
        };
        if (endpointUrl is not null)
        {
            preset.EndpointUrl = endpointUrl;
        }
        return preset;
    }

    private static Uri Need(Uri? endpointUrl, string preset) =>
        endpointUrl ?? throw new ArgumentException($"The '{preset}' preset needs the server's endpoint URL.", nameof(endpointUrl));

    private static string Need(string? value, string preset, string what) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"The '{preset}' preset needs the {what}.", nameof(preset)) : value;

    // A region or account id goes into a host name: refuse anything that would change the host.
    private static string Host(string label) =>
        label.Length > 0 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? label.ToLowerInvariant()
            : throw new ArgumentException($"'{label}' is not a valid host label.", nameof(label));
}
