using Stratus.Credentials;

namespace Stratus.Signing;

public static partial class S3SigV2Signer
{
    /// <summary>
    /// Signs an <see cref="HttpRequestMessage"/> in place with the <c>Authorization: AWS key:signature</c>
    /// header (and <c>Date</c>, <c>x-amz-security-token</c> as needed); returns the string to sign.
    /// The body is not read: SigV2 signs headers only.
    /// </summary>
    /// <param name="message">The request; its headers are changed.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="time">The signing time, used when the message has neither <c>x-amz-date</c> nor <c>Date</c>.</param>
    /// <param name="resourcePath">The path-style resource (<c>/bucket/key</c>) when the request is virtual-hosted; default the URI's escaped path.</param>
    public static string Sign(HttpRequestMessage message, AwsCredentials credentials, DateTimeOffset time, string? resourcePath = null)
    {
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var stringToSign = Sign(request, credentials, time, resourcePath);
        HttpRequestAdapter.CopySignerHeaders(request, message);
        return stringToSign;
    }

    /// <summary>
    /// Presigns an <see cref="HttpRequestMessage"/> in place: its URI gets <c>AWSAccessKeyId</c>, <c>Expires</c>,
    /// <c>x-amz-security-token</c> (temporary credentials) and <c>Signature</c>; returns the string to sign.
    /// </summary>
    /// <param name="message">The request; its URI is replaced.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="expires">When the URL stops being valid.</param>
    /// <param name="resourcePath">The path-style resource (<c>/bucket/key</c>) when the request is virtual-hosted; default the URI's escaped path.</param>
    public static string Presign(HttpRequestMessage message, AwsCredentials credentials, DateTimeOffset expires, string? resourcePath = null)
    {
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var stringToSign = Presign(request, credentials, expires, resourcePath);
        HttpRequestAdapter.CopyQuery(request, message);
        return stringToSign;
    }
}
