using System.Globalization;
using System.Text;
using Stratus.Protocols.Server;
using Stratus.Signing;
using Stratus.Testing.Mock;
using Stratus.Testing.Mock.Auth;
using static Stratus.Tests.Mock.Auth.AuthFixture;

namespace Stratus.Tests.Mock.Auth;

/// <summary>aws-chunked uploads encoded by the client's AwsChunkedStream (or by hand, for trailers) and decoded by the mock.</summary>
public class AwsChunkedDecoderTests
{
    private const int ChunkSize = 8192;

    private static byte[] Payload(int length)
    {
        var payload = new byte[length];
        new Random(length).NextBytes(payload);
        return payload;
    }

    /// <summary>A signed streaming PUT as received: headers from the signer, body the encoded frames.</summary>
    private static (ServerRequest Request, byte[] Encoded) SignedUpload(byte[] payload)
    {
        var request = new SigningRequest { Method = "PUT", Path = "/bucket/big", Host = "s3.us-west-2.amazonaws.com" };
        var signer = SigV4Signer.SignStreaming(request, CredentialsOf(Alice), Options("s3", s3: true), payload.Length, ChunkSize);
        using var stream = new AwsChunkedStream(new MemoryStream(payload), signer, ChunkSize);
        var encoded = new MemoryStream();
        stream.CopyTo(encoded);
        return (Received(request), encoded.ToArray());
    }

    private static byte[] ReadAll(Stream stream, int readSize)
    {
        var output = new MemoryStream();
        var buffer = new byte[readSize];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, n);
        }
        return output.ToArray();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 7)]
    [InlineData(8192, 100)]
    [InlineData(100_003, 4096)]
    [InlineData(100_003, 65536)]
    public void Signed_chunks_decode_to_the_exact_payload(int length, int readSize)
    {
        var payload = Payload(length);
        var (request, encoded) = SignedUpload(payload);
        var result = Authenticator().Authenticate(request, AuthFamily.S3);
        AssertAccepted(result, Alice);
        Assert.True(result.IsAwsChunked);
        Assert.Equal(length, result.DecodedContentLength);
        using var body = result.OpenBody(new MemoryStream(encoded));
        var decoder = Assert.IsType<AwsChunkedDecoder>(body);
        Assert.Equal(payload, ReadAll(body, readSize));
        Assert.True(decoder.IsCompleted);
        Assert.Empty(decoder.Trailers);
        Assert.Equal(length, decoder.DecodedBytesRead);
    }

    [Fact]
    public async Task Signed_chunks_decode_asynchronously()
    {
        var payload = Payload(50_000);
        var (request, encoded) = SignedUpload(payload);
        var result = Authenticator().Authenticate(request, AuthFamily.S3);
        await using var body = result.OpenBody(new MemoryStream(encoded));
        var output = new MemoryStream();
        await body.CopyToAsync(output);
        Assert.Equal(payload, output.ToArray());
    }

    [Theory]
    [InlineData(200)]       // in the first chunk's data
    [InlineData(9000)]      // in the second chunk's data
    [InlineData(-50)]       // in the last (partial) chunk's data
    public void A_flipped_byte_in_a_chunk_fails_with_SignatureDoesNotMatch(int offsetFromPayloadStart)
    {
        var payload = Payload(20_000);
        var (request, encoded) = SignedUpload(payload);
        var at = DataOffset(encoded, offsetFromPayloadStart < 0 ? payload.Length + offsetFromPayloadStart : offsetFromPayloadStart);
        encoded[at] ^= 0x01;
        var result = Authenticator().Authenticate(request, AuthFamily.S3);
        using var body = result.OpenBody(new MemoryStream(encoded));
        var error = Assert.Throws<MockServiceException>(() => ReadAll(body, 1000));
        Assert.Equal("SignatureDoesNotMatch", error.Error.Code);
        Assert.Equal(403, error.Error.StatusCode);
    }

    [Fact]
    public void A_changed_chunk_signature_or_a_reordered_chunk_fails()
    {
        var payload = Payload(20_000);
        var (request, encoded) = SignedUpload(payload);
        var text = Encoding.ASCII.GetString(encoded);
        var signatureAt = text.IndexOf("chunk-signature=", StringComparison.Ordinal) + "chunk-signature=".Length;
        var forged = (byte[])encoded.Clone();
        forged[signatureAt] = (byte)(forged[signatureAt] == 'a' ? 'b' : 'a');
        var result = Authenticator().Authenticate(request, AuthFamily.S3);
        using var body = result.OpenBody(new MemoryStream(forged));
        Assert.Equal("SignatureDoesNotMatch", Assert.Throws<MockServiceException>(() => ReadAll(body, 4096)).Error.Code);

        // Unsigned chunks where signed ones are expected.
        using var unsigned = result.OpenBody(new MemoryStream(Encoding.ASCII.GetBytes("5\r\nhello\r\n0\r\n\r\n")));
        Assert.Equal("SignatureDoesNotMatch", Assert.Throws<MockServiceException>(() => ReadAll(unsigned, 10)).Error.Code);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(9000)]
    [InlineData(-3)]        // inside the final chunk's header
    [InlineData(-1)]        // only the final empty line is missing
    public void A_truncated_body_fails_with_IncompleteBody(int cut)
    {
        var payload = Payload(12_000);
        var (request, encoded) = SignedUpload(payload);
        var length = cut < 0 ? encoded.Length + cut : cut;
        var result = Authenticator().Authenticate(request, AuthFamily.S3);
        using var body = result.OpenBody(new MemoryStream(encoded, 0, length));
        var error = Assert.Throws<MockServiceException>(() => ReadAll(body, 1000));
        Assert.Equal("IncompleteBody", error.Error.Code);
        Assert.Equal(400, error.Error.StatusCode);
    }

    [Fact]
    public void A_decoded_length_larger_than_the_chunks_fails()
    {
        var payload = Payload(100);
        var (request, encoded) = SignedUpload(payload);
        request.Headers["x-amz-decoded-content-length"] = "101";
        // The header is signed: changing it breaks the seed signature.
        AssertError(Authenticator().Authenticate(request, AuthFamily.S3), "SignatureDoesNotMatch", 403);
        using var decoder = new AwsChunkedDecoder(new MemoryStream(encoded), null, 101);
        Assert.Equal("IncompleteBody", Assert.Throws<MockServiceException>(() => ReadAll(decoder, 64)).Error.Code);
        using var shorter = new AwsChunkedDecoder(new MemoryStream(encoded), null, 99);
        Assert.Equal("InvalidRequest", Assert.Throws<MockServiceException>(() => ReadAll(shorter, 64)).Error.Code);
    }

    [Fact]
    public void Unsigned_trailer_upload_decodes_and_exposes_the_checksum()
    {
        var payload = Encoding.UTF8.GetBytes("hello, trailing world");
        var request = new SigningRequest { Method = "PUT", Path = "/bucket/k", Host = "s3.us-west-2.amazonaws.com" };
        request.Headers["Content-Encoding"] = "aws-chunked";
        request.Headers["x-amz-decoded-content-length"] = payload.Length.ToString(CultureInfo.InvariantCulture);
        request.Headers["x-amz-trailer"] = "x-amz-checksum-crc32";
        SigV4Signer.Sign(request, CredentialsOf(Alice), Options("s3", s3: true, payloadHash: PayloadHash.StreamingUnsignedTrailer));
        var encoded = Encoding.ASCII.GetBytes($"{payload.Length:x}\r\n").Concat(payload)
            .Concat(Encoding.ASCII.GetBytes("\r\n0\r\nx-amz-checksum-crc32:sOO8/Q==\r\n\r\n")).ToArray();

        var result = Authenticator().Authenticate(Received(request), AuthFamily.S3);
        AssertAccepted(result, Alice);
        Assert.Equal(PayloadHash.StreamingUnsignedTrailer, result.ContentSha256);
        using var body = result.OpenBody(new MemoryStream(encoded));
        Assert.Equal(payload, ReadAll(body, 3));
        var decoder = (AwsChunkedDecoder)body;
        Assert.Equal("sOO8/Q==", decoder.Trailers["x-amz-checksum-crc32"]);
        Assert.Equal("sOO8/Q==", decoder.Trailers["X-Amz-Checksum-CRC32"]);
    }

    [Fact]
    public void Signed_trailer_is_verified()
    {
        var payload = Payload(10_000);
        var request = new SigningRequest { Method = "PUT", Path = "/bucket/k", Host = "s3.us-west-2.amazonaws.com" };
        request.Headers["Content-Encoding"] = "aws-chunked";
        request.Headers["x-amz-decoded-content-length"] = payload.Length.ToString(CultureInfo.InvariantCulture);
        request.Headers["x-amz-trailer"] = "x-amz-checksum-sha256";
        var options = Options("s3", s3: true, payloadHash: PayloadHash.StreamingSignedTrailer);
        var seed = SigV4Signer.Sign(request, CredentialsOf(Alice), options);

        byte[] Encode(string trailerValue, string? trailerSignatureOverride = null)
        {
            var signer = new AwsChunkSigner(seed, SigV4Signer.DeriveSigningKey(Alice.SecretAccessKey, "20240506", "us-west-2", "s3"));
            var output = new MemoryStream();
            void Frame(ReadOnlySpan<byte> data)
            {
                output.Write(Encoding.ASCII.GetBytes($"{data.Length:x};chunk-signature={signer.SignChunk(data)}\r\n"));
                output.Write(data);
                output.Write("\r\n"u8);
            }
            Frame(payload.AsSpan(0, 8192));
            Frame(payload.AsSpan(8192));
            output.Write(Encoding.ASCII.GetBytes($"0;chunk-signature={signer.SignChunk([])}\r\n"));
            var trailerSignature = signer.SignTrailer([new("x-amz-checksum-sha256", "abc=")]);
            output.Write(Encoding.ASCII.GetBytes($"x-amz-checksum-sha256:{trailerValue}\r\nx-amz-trailer-signature:{trailerSignatureOverride ?? trailerSignature}\r\n\r\n"));
            return output.ToArray();
        }

        var result = Authenticator().Authenticate(Received(request), AuthFamily.S3);
        AssertAccepted(result, Alice);
        using (var body = result.OpenBody(new MemoryStream(Encode("abc="))))
        {
            Assert.Equal(payload, ReadAll(body, 5000));
            Assert.Equal("abc=", ((AwsChunkedDecoder)body).Trailers["x-amz-checksum-sha256"]);
        }
        using (var body = result.OpenBody(new MemoryStream(Encode("xyz="))))
        {
            Assert.Equal("SignatureDoesNotMatch", Assert.Throws<MockServiceException>(() => ReadAll(body, 5000)).Error.Code);
        }
        using (var body = result.OpenBody(new MemoryStream(Encode("abc=", new string('0', 64)))))
        {
            Assert.Equal("SignatureDoesNotMatch", Assert.Throws<MockServiceException>(() => ReadAll(body, 5000)).Error.Code);
        }
    }

    [Fact]
    public void Verification_off_decodes_without_checking()
    {
        var payload = Payload(20_000);
        var (request, encoded) = SignedUpload(payload);
        encoded[DataOffset(encoded, 5)] ^= 0xFF;
        payload[5] ^= 0xFF;
        var result = Authenticator(verify: false).Authenticate(request, AuthFamily.S3);
        AssertAccepted(result, Alice);
        Assert.False(result.Verified);
        using var body = result.OpenBody(new MemoryStream(encoded));
        Assert.Equal(payload, ReadAll(body, 1000));
    }

    [Fact]
    public void Malformed_framing_is_rejected()
    {
        static string Code(string body)
        {
            using var decoder = new AwsChunkedDecoder(new MemoryStream(Encoding.ASCII.GetBytes(body)));
            return Assert.Throws<MockServiceException>(() => ReadAll(decoder, 100)).Error.Code;
        }
        Assert.Equal("InvalidRequest", Code("zz\r\nhello\r\n0\r\n\r\n"));
        Assert.Equal("InvalidRequest", Code("5\r\nhelloXX0\r\n\r\n"));
        Assert.Equal("InvalidRequest", Code("0\r\nno-colon\r\n\r\n"));
        Assert.Equal("InvalidRequest", Code(new string('1', 5000)));
        Assert.Equal("IncompleteBody", Code(""));
    }

    [Fact]
    public void Decoding_streams_in_constant_memory()
    {
        // 4 MiB through a stream that never holds more than one chunk: the decoder reads ahead at most its buffer.
        const int length = 4 * 1024 * 1024;
        var request = new SigningRequest { Method = "PUT", Path = "/bucket/huge", Host = "s3.us-west-2.amazonaws.com" };
        var signer = SigV4Signer.SignStreaming(request, CredentialsOf(Alice), Options("s3", s3: true), length, AwsChunkedStream.DefaultChunkSize);
        var result = Authenticator().Authenticate(Received(request), AuthFamily.S3);
        var source = new TrackingStream(new AwsChunkedStream(new PatternStream(length), signer));
        using var body = result.OpenBody(source);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = body.Read(buffer)) > 0)
        {
            total += n;
            Assert.True(source.BytesRead - total < 64 * 1024, "the decoder read too far ahead");
        }
        Assert.Equal(length, total);
    }

    /// <summary>Where payload byte <paramref name="payloadOffset"/> sits in the encoded body.</summary>
    private static int DataOffset(byte[] encoded, int payloadOffset)
    {
        var position = 0;
        var seen = 0;
        while (true)
        {
            var lineEnd = Array.IndexOf(encoded, (byte)'\n', position);
            var header = Encoding.ASCII.GetString(encoded, position, lineEnd - position - 1);
            var size = int.Parse(header.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position = lineEnd + 1;
            if (payloadOffset < seen + size)
            {
                return position + payloadOffset - seen;
            }
            seen += size;
            position += size + 2;
        }
    }

    /// <summary>A long payload produced on the fly.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) * 31);
            }
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Counts the bytes read from an inner stream.</summary>
    private sealed class TrackingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
