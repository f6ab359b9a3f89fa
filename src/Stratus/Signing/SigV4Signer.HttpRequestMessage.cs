using Stratus.Credentials;

namespace Stratus.Signing;

public static partial class SigV4Signer
{
    /// <summary>
    /// Signs an <see cref="HttpRequestMessage"/> in place with the <c>Authorization</c> header. When
    /// <see cref="SigV4Options.PayloadHash"/> is null the content must be buffered (seekable) and is hashed.
    /// </summary>
    /// <remarks>
    /// The path signed is the URI's escaped path. <see cref="Uri"/> removes dot segments unless it was
    /// created with <see cref="UriCreationOptions.DangerousDisablePathAndQueryCanonicalization"/>, which S3
    /// keys such as <c>a/../b</c> need.
    /// </remarks>
    public static SigV4Result Sign(HttpRequestMessage message, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var effective = HttpRequestAdapter.WithPayloadHash(options, message);
        var result = Sign(request, credentials, effective);
        HttpRequestAdapter.CopySignerHeaders(request, message);
        return result;
    }

    /// <summary>Presigns an <see cref="HttpRequestMessage"/> in place: its URI gets the X-Amz-* query parameters.</summary>
    public static SigV4Result Presign(HttpRequestMessage message, AwsCredentials credentials, SigV4Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var effective = HttpRequestAdapter.WithPayloadHash(options, message);
        var result = Presign(request, credentials, effective);
        HttpRequestAdapter.CopyQuery(request, message);
        return result;
    }

    /// <summary>
    /// Signs an S3 upload of <paramref name="body"/> as signed <c>aws-chunked</c> frames: the message's
    /// content becomes an <see cref="AwsChunkedStream"/> over the body (its content headers kept), with the
    /// encoded Content-Length and <c>Content-Encoding: aws-chunked</c>.
    /// </summary>
    public static AwsChunkSigner SignStreaming(HttpRequestMessage message, AwsCredentials credentials, SigV4Options options, Stream body, long decodedLength, int chunkSize = AwsChunkedStream.DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(body);
        var request = HttpRequestAdapter.ToSigningRequest(message);
        var signer = SignStreaming(request, credentials, options, decodedLength, chunkSize);
        var content = new StreamContent(new AwsChunkedStream(body, signer, chunkSize));
        if (message.Content is not null)
        {
            foreach (var header in message.Content.Headers.NonValidated)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    && !header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }
        content.Headers.ContentLength = AwsChunkedStream.EncodedLength(decodedLength, chunkSize);
        content.Headers.TryAddWithoutValidation("Content-Encoding", request.Headers["Content-Encoding"]);
        message.Content = content;
        HttpRequestAdapter.CopySignerHeaders(request, message);
        return signer;
    }
}
