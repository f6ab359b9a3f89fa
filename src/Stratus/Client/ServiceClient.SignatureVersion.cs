using Stratus.Models;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    /// <summary>The <see cref="ClientOptions.SignatureVersion"/> value for S3's legacy HmacSHA1 signature.</summary>
    private const string S3SigV2 = "s3v2";

    /// <summary>Whether the client signs with S3's SigV2 instead of SigV4.</summary>
    private bool UseS3SigV2 => _options.SignatureVersion == S3SigV2;

    /// <summary>Whether uploads carry flexible checksums only when an operation requires one (<see cref="ClientOptions.RequestChecksumCalculation"/>).</summary>
    internal bool ChecksumsWhenRequired => _options.RequestChecksumCalculation == "when_required";

    /// <summary>Whether the client was given its endpoint (an emulator or an S3-compatible server) rather than resolving AWS's.</summary>
    internal bool HasEndpointOverride => _options.EndpointUrl is not null;

    /// <summary>Rejects a <see cref="ClientOptions.SignatureVersion"/> the client cannot honour, when the client is built.</summary>
    private static void CheckSignatureVersion(ClientOptions options, ServiceModel model)
    {
        if (options.RequestChecksumCalculation is not (null or "when_supported" or "when_required"))
        {
            throw new ClientException(ClientErrorKind.Unsupported,
                $"{model.Name}: unknown RequestChecksumCalculation '{options.RequestChecksumCalculation}' (use 'when_supported' or 'when_required').") { Service = model.Name };
        }
        switch (options.SignatureVersion)
        {
            case null or "v4":
                return;
            case S3SigV2 when model.Metadata.SigningName != "s3":
                throw new ClientException(ClientErrorKind.Unsupported,
                    $"{model.Name}: SignatureVersion 's3v2' is S3's signature; this service is not S3.") { Service = model.Name };
            case S3SigV2 when !(options.ForcePathStyle ?? options.EndpointUrl is not null):
                throw new ClientException(ClientErrorKind.Unsupported,
                    $"{model.Name}: SignatureVersion 's3v2' needs path-style addressing (set ForcePathStyle or EndpointUrl).") { Service = model.Name };
            case S3SigV2:
                return;
            default:
                throw new ClientException(ClientErrorKind.Unsupported,
                    $"{model.Name}: unknown SignatureVersion '{options.SignatureVersion}' (use null, 'v4' or 's3v2').") { Service = model.Name };
        }
    }
}
