using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Storage.S3;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// Opens a store from portable settings (the <c>s3</c> factory of <see cref="ObjectStores"/>):
    /// <list type="bullet">
    /// <item><c>Values["preset"]</c>: an <see cref="S3Compatible"/> preset (<c>gcs</c>, <c>r2</c>, <c>minio</c>, ...),
    /// with <c>Values["account"]</c> for R2; none means AWS (or a generic server when an endpoint is set).</item>
    /// <item><see cref="StoreSettings.EndpointUrl"/>, else <c>AWS_ENDPOINT_URL_S3</c>, else <c>AWS_ENDPOINT_URL</c>.</item>
    /// <item><see cref="StoreSettings.Region"/>; <see cref="StoreSettings.Profile"/> (AWS shared config) for credentials and region.</item>
    /// <item>Credentials: <c>Values["access-key-id"]</c>/<c>["secret-access-key"]</c>, else (with no profile named)
    /// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>, else the default chain.</item>
    /// <item><c>Values["signature-version"]</c> (<c>v4</c>, <c>s3v2</c>), <c>Values["path-style"]</c> (<c>true</c>/<c>false</c>),
    /// <c>Values["checksums"]</c> (<c>when_supported</c>, <c>when_required</c>), <c>Values["part-size"]</c> (bytes).</item>
    /// </list>
    /// </summary>
    /// <exception cref="StorageException">The settings are not usable (<see cref="StorageErrorKind.InvalidRequest"/>).</exception>
    public static S3ObjectStore Open(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var env = settings.Environment;
            var endpoint = settings.EndpointUrl ?? Url(env("AWS_ENDPOINT_URL_S3")) ?? Url(env("AWS_ENDPOINT_URL"));
            var options = Value(settings, "preset") is { } preset
                ? S3Compatible.Preset(preset, settings.Region, Value(settings, "account"), endpoint)
                : new ClientOptions { EndpointUrl = endpoint, Region = settings.Region };
            options.Profile = settings.Profile;
            if (Value(settings, "signature-version") is { } version)
            {
                options.SignatureVersion = version;
            }
            if (Value(settings, "path-style") is { } pathStyle)
            {
                options.ForcePathStyle = bool.Parse(pathStyle);
            }
            if (Value(settings, "checksums") is { } checksums)
            {
                options.RequestChecksumCalculation = checksums.ToLowerInvariant();
            }
            if (Value(settings, "access-key-id") is { } id && Value(settings, "secret-access-key") is { } secret)
            {
                options.Credentials = new AwsCredentials(id, secret, Value(settings, "session-token"));
            }
            else if (settings.Profile is null && env("AWS_ACCESS_KEY_ID") is { Length: > 0 } envId && env("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } envSecret)
            {
                options.Credentials = new AwsCredentials(envId, envSecret, env("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null);
            }
            var transfer = Value(settings, "part-size") is { } text && long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) is var part
                ? new Stratus.Transfer.TransferOptions { PartSize = part, MultipartThreshold = part }
                : null;
            return new S3ObjectStore(options, transfer);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or ClientException)
        {
            throw new StorageException(StorageErrorKind.InvalidRequest, $"s3: the settings are not usable: {e.Message}", e);
        }
    }

    private static string? Value(StoreSettings settings, string name) =>
        settings.Values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static Uri? Url(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
