using System.Globalization;
using Stratus.Credentials;

namespace Stratus.Signing;

public static partial class SigV4Signer
{
    /// <summary>
    /// Signs an S3 upload whose body is sent as signed <c>aws-chunked</c> frames: sets
    /// <c>Content-Encoding: aws-chunked</c>, <c>x-amz-decoded-content-length</c>, the encoded
    /// <c>Content-Length</c> and <c>x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c>, signs the
    /// request (the seed signature) and returns the signer of the chunks. Wrap the body in an
    /// <see cref="AwsChunkedStream"/> with it and the same chunk size.
    /// </summary>
    /// <param name="request">The request; its headers are changed.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="options">The options; <see cref="SigV4Options.PayloadHash"/> is ignored.</param>
    /// <param name="decodedLength">The length of the body before encoding.</param>
    /// <param name="chunkSize">The chunk size the stream will use.</param>
    public static AwsChunkSigner SignStreaming(SigningRequest request, AwsCredentials credentials, SigV4Options options, long decodedLength, int chunkSize = AwsChunkedStream.DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        var headers = request.Headers;
        // aws-chunked must be the first coding when the body also has another (for example gzip).
        headers["Content-Encoding"] = headers.TryGetValue("Content-Encoding", out var coding) && !string.IsNullOrWhiteSpace(coding)
            && !coding.StartsWith("aws-chunked", StringComparison.OrdinalIgnoreCase)
            ? "aws-chunked," + coding
            : "aws-chunked";
        headers["x-amz-decoded-content-length"] = decodedLength.ToString(CultureInfo.InvariantCulture);
        headers["Content-Length"] = AwsChunkedStream.EncodedLength(decodedLength, chunkSize).ToString(CultureInfo.InvariantCulture);
        var streaming = options with { PayloadHash = PayloadHash.StreamingSigned, AddContentSha256Header = true };
        var seed = Sign(request, credentials, streaming);
        return new AwsChunkSigner(seed, SigningKey(credentials, streaming));
    }
}
