using Stratus.Credentials;

namespace Stratus.Signing;

public static partial class SigV4Signer
{
    /// <summary>
    /// Signs an <see cref="HttpRequestMessage"/> in place with the <c>Authorization</c> header. When
    /// <see cref="SigV4Options.PayloadHash"/> is null the content must be buffered (seekable) and is hashed.
    /// </summary>
    public static SigV4Result Sign(HttpRequestMessage message, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var effective = WithPayloadHash(options, message);
        var result = Sign(request, credentials, effective);
        HttpRequestAdapter.CopySignerHeaders(request, message);
        return result;
    }

    /// <summary>Presigns an <see cref="HttpRequestMessage"/> in place: its URI gets the X-Amz-* query parameters.</summary>
    public static SigV4Result Presign(HttpRequestMessage message, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var effective = WithPayloadHash(options, message);
        var result = Presign(request, credentials, effective);
        HttpRequestAdapter.CopyQuery(request, message);
        return result;
    }

    private static SigV4Options WithPayloadHash(SigV4Options options, HttpRequestMessage message) =>
        options.PayloadHash is not null ? options : options with { PayloadHash = HttpRequestAdapter.PayloadHashOf(message) };
}
