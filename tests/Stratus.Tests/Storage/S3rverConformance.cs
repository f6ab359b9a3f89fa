using Stratus.Credentials;
using Stratus.Storage;
using Stratus.Storage.S3;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Storage;

/// <summary>
/// The conformance suite on s3rver (EMU_S3RVER_URL) through the generic S3-compatible profile. s3rver's quirks
/// (no aws-chunked decoding, plain-MD5 multipart ETags) need no exception: the store never sends aws-chunked
/// bodies, and the suite does not read meaning into ETags.
/// </summary>
public sealed class S3rverConformance : ObjectStoreConformance
{
    private const string Variable = "EMU_S3RVER_URL";

    protected override string? SkipReason =>
        Emulators.Url(Variable) is null ? $"{Variable} is not set: s3rver is not running (scripts/test.sh starts it)." : null;

    protected override Task<ObjectStore> CreateStoreAsync()
    {
        var options = S3Compatible.Generic(Emulators.Url(Variable)!);
        options.Credentials = new AwsCredentials("S3RVER", "S3RVER");
        return Task.FromResult<ObjectStore>(new S3ObjectStore(options));
    }
}
