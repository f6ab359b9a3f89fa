using Stratus.Credentials;
using Stratus.Storage;
using Stratus.Storage.S3;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Storage;

/// <summary>The conformance suite on OpenStack Swift's S3 API (EMU_SWIFT_S3_URL), which verifies signatures: SigV4 here, SigV2 in <see cref="SwiftS3ApiSigV2Conformance"/>.</summary>
public class SwiftS3ApiConformance : ObjectStoreConformance
{
    private const string Variable = "EMU_SWIFT_S3_URL";

    /// <summary>The signature the client uses.</summary>
    protected virtual string SignatureVersion => "v4";

    protected override string? SkipReason =>
        Emulators.Url(Variable) is null ? $"{Variable} is not set: the Swift all-in-one is not running (scripts/test.sh starts it)." : null;

    protected override Task<ObjectStore> CreateStoreAsync()
    {
        var options = S3Compatible.Generic(Emulators.Url(Variable)!, "us-east-1", SignatureVersion);
        options.Credentials = new AwsCredentials("test:tester", "testing");
        return Task.FromResult<ObjectStore>(new S3ObjectStore(options));
    }
}

/// <summary>The conformance suite on Swift's S3 API with S3's legacy SigV2 signature (header and presigned query).</summary>
public sealed class SwiftS3ApiSigV2Conformance : SwiftS3ApiConformance
{
    protected override string SignatureVersion => "s3v2";
}
