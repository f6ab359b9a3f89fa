using Stratus.Tests.TestSupport;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Tests.Signing;

/// <summary>
/// aws-chunked signing, checked against AWS's published example ("Signature calculation: transferring
/// payload in multiple chunks") and by decoding the frames and re-deriving every signature independently.
/// </summary>
public class AwsChunkedStreamTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly AwsCredentials Credentials = new("AKIAIOSFODNN7EXAMPLE", Secret);
    private static readonly DateTimeOffset Time = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    private static (SigningRequest Request, AwsChunkSigner Signer) SignExample(long length, int chunkSize)
    {
        var request = new SigningRequest { Method = "PUT", Path = "/examplebucket/chunkObject.txt", Host = "s3.amazonaws.com" };
        request.Headers["x-amz-storage-class"] = "REDUCED_REDUNDANCY";
        var signer = SigV4Signer.SignStreaming(request, Credentials, new SigV4Options
        {
            Region = "us-east-1", Service = "s3", Time = Time, S3Variant = true,
        }, length, chunkSize);
        return (request, signer);
    }

    [Fact]
    public void Seed_and_chunk_signatures_match_the_documented_example()
    {
        var (request, signer) = SignExample(66560, 65536);
        Assert.Equal("66824", request.Headers["Content-Length"]);
        Assert.Equal("66560", request.Headers["x-amz-decoded-content-length"]);
        Assert.Equal("aws-chunked", request.Headers["Content-Encoding"]);
        Assert.Equal(PayloadHash.StreamingSigned, request.Headers["x-amz-content-sha256"]);
        Assert.Equal("content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class", signer.Seed.SignedHeaders);
        Assert.Equal("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9", signer.Seed.Signature);

        using var stream = new AwsChunkedStream(new MemoryStream(Enumerable.Repeat((byte)'a', 66560).ToArray()), signer, 65536);
        var encoded = ReadAll(stream, 7);
        Assert.Equal(66824, encoded.Length);
        var frames = Decode(encoded);
        Assert.Equal(
            ["ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
             "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
             "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"],
            frames.Select(f => f.Signature));
        Assert.Equal([65536, 1024, 0], frames.Select(f => f.Data.Length));
    }

    [Theory]
    [InlineData(0, 8192)]
    [InlineData(8192, 8192)]
    [InlineData(100_003, 8192)]
    [InlineData(5, 65536)]
    public async Task Frames_decode_to_the_payload_and_the_signatures_chain(int length, int chunkSize)
    {
        var payload = new byte[length];
        new Random(length).NextBytes(payload);
        var (request, signer) = SignExample(length, chunkSize);
        await using var stream = new AwsChunkedStream(new MemoryStream(payload), signer, chunkSize);
        var encoded = await ReadAllAsync(stream, 1000);
        Assert.Equal(AwsChunkedStream.EncodedLength(length, chunkSize), encoded.Length);
        Assert.Equal(encoded.Length.ToString(CultureInfo.InvariantCulture), request.Headers["Content-Length"]);

        var frames = Decode(encoded);
        Assert.Equal(payload, frames.SelectMany(f => f.Data).ToArray());
        Assert.Empty(frames[^1].Data);
        Assert.All(frames.SkipLast(1).SkipLast(1), f => Assert.Equal(chunkSize, f.Data.Length));

        // Re-derive the chain with nothing but the BCL: key, then each chunk's string to sign.
        var key = IndependentKey(Secret, "20130524", "us-east-1", "s3");
        var previous = signer.Seed.Signature;
        foreach (var frame in frames)
        {
            var sts = "AWS4-HMAC-SHA256-PAYLOAD\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n" + previous + "\n"
                + Convert.ToHexStringLower(SHA256.HashData([])) + "\n" + Convert.ToHexStringLower(SHA256.HashData(frame.Data));
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(sts)));
            Assert.Equal(expected, frame.Signature);
            previous = frame.Signature;
        }
    }

    [Fact]
    public async Task HttpRequestMessage_content_becomes_the_chunked_body()
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, "https://s3.amazonaws.com/examplebucket/chunkObject.txt");
        message.Headers.TryAddWithoutValidation("x-amz-storage-class", "REDUCED_REDUNDANCY");
        var payload = Enumerable.Repeat((byte)'a', 66560).ToArray();
        var signer = SigV4Signer.SignStreaming(message, Credentials, new SigV4Options
        {
            Region = "us-east-1", Service = "s3", Time = Time, S3Variant = true,
        }, new MemoryStream(payload), payload.Length, 65536);
        Assert.Equal("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9", signer.Seed.Signature);
        Assert.Equal(66824, message.Content!.Headers.ContentLength);
        Assert.Equal("aws-chunked", message.Content.Headers.ContentEncoding.Single());
        Assert.Equal("66560", message.Headers.GetValues("x-amz-decoded-content-length").Single());
        Assert.Equal(signer.Seed.Authorization, message.Headers.GetValues("Authorization").Single());
        var frames = Decode(await message.Content.ReadAsByteArrayAsync());
        Assert.Equal(payload, frames.SelectMany(f => f.Data).ToArray());
        Assert.Equal("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9", frames[^1].Signature);
    }

    [Fact]
    public void Existing_content_encoding_follows_aws_chunked()
    {
        var request = new SigningRequest { Method = "PUT", Path = "/b/k", Host = "s3.amazonaws.com" };
        request.Headers["Content-Encoding"] = "gzip";
        SigV4Signer.SignStreaming(request, Credentials, new SigV4Options { Region = "us-east-1", Service = "s3", Time = Time, S3Variant = true }, 10);
        Assert.Equal("aws-chunked,gzip", request.Headers["Content-Encoding"]);
    }

    [Fact]
    public void Stream_is_read_only_and_forward_only()
    {
        var (_, signer) = SignExample(1, 8192);
        using var stream = new AwsChunkedStream(new MemoryStream([1]), signer, 8192);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AwsChunkedStream(new MemoryStream(), signer, 100));
    }

    private static byte[] IndependentKey(string secret, string date, string region, string service)
    {
        var k = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(region));
        k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(k, "aws4_request"u8.ToArray());
    }

    private static byte[] ReadAll(Stream stream, int bufferSize)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, n);
        }
        return output.ToArray();
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int bufferSize)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, n);
        }
        return output.ToArray();
    }

    /// <summary>Decodes aws-chunked frames, failing on any malformed framing.</summary>
    private static List<(string Signature, byte[] Data)> Decode(byte[] encoded)
    {
        var frames = new List<(string, byte[])>();
        var pos = 0;
        while (true)
        {
            var lineEnd = encoded.AsSpan(pos).IndexOf("\r\n"u8);
            Assert.True(lineEnd > 0, "frame header has no CRLF");
            var header = Encoding.ASCII.GetString(encoded, pos, lineEnd);
            var parts = header.Split(";chunk-signature=");
            Assert.Equal(2, parts.Length);
            var size = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.Equal(64, parts[1].Length);
            pos += lineEnd + 2;
            var data = encoded.AsSpan(pos, size).ToArray();
            pos += size;
            Assert.Equal((byte)'\r', encoded[pos]);
            Assert.Equal((byte)'\n', encoded[pos + 1]);
            pos += 2;
            frames.Add((parts[1], data));
            if (size == 0)
            {
                Assert.Equal(encoded.Length, pos);
                return frames;
            }
        }
    }
}
