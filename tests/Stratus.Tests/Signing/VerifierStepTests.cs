using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Tests.Signing;

/// <summary>The public steps a verifier (the mock cloud) uses: they compute exactly what the signers do.</summary>
public class VerifierStepTests
{
    private static readonly AwsCredentials Example = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    [Fact]
    public void Chunk_signer_from_received_parts_continues_the_same_chain()
    {
        var request = new SigningRequest { Method = "PUT", Path = "/b/k", Host = "s3.amazonaws.com" };
        var options = new SigV4Options { Region = "us-east-1", Service = "s3", Time = new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero), S3Variant = true };
        var client = SigV4Signer.SignStreaming(request, Example, options, 3, 8192);
        var key = SigV4Signer.DeriveSigningKey(Example.SecretAccessKey, "20130524", "us-east-1", "s3");
        var server = new AwsChunkSigner(client.Seed.AmzDate, client.Seed.CredentialScope, client.Seed.Signature, key);

        byte[] data = [1, 2, 3];
        var hash = System.Security.Cryptography.SHA256.HashData(data);
        Assert.Equal(client.ChunkStringToSign(data), server.ChunkHashStringToSign(hash));
        Assert.Equal(client.SignChunk(data), server.SignChunkHash(hash));
        Assert.Equal(client.SignChunk([]), server.SignChunk([]));
        KeyValuePair<string, string>[] trailers = [new("X-Amz-Checksum-Crc32", " sOO8/Q== ")];
        var sts = client.TrailerStringToSign(trailers);
        Assert.StartsWith("AWS4-HMAC-SHA256-TRAILER\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n" + client.PreviousSignature + "\n", sts, StringComparison.Ordinal);
        // The hash covers the canonical form "x-amz-checksum-crc32:sOO8/Q==\n".
        Assert.EndsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("x-amz-checksum-crc32:sOO8/Q==\n"u8)), sts, StringComparison.Ordinal);
        Assert.Equal(client.SignTrailer(trailers), server.SignTrailer(trailers));
    }

    [Fact]
    public void SigV2_signatures_are_public_steps()
    {
        var request = new SigningRequest { Method = "GET", Path = "/johnsmith/photos/puppy.jpg" };
        request.Headers["Date"] = "Tue, 27 Mar 2007 19:36:42 +0000";
        var sts = S3SigV2Signer.Sign(request, Example, DateTimeOffset.UnixEpoch);
        Assert.Equal("bWq2s1WEIj+Ydj0vQ697zp+IXMU=", S3SigV2Signer.ComputeSignature(Example.SecretAccessKey, sts));

        var query = new SigningRequest { Method = "GET", Path = "/", Host = "elasticmapreduce.amazonaws.com" };
        query.Query.Add(new("Timestamp", "2011-10-03T15:19:30"));
        var queryStringToSign = SigV2Signer.Sign(query, Example, DateTimeOffset.UnixEpoch);
        Assert.Equal(query.Query.Single(p => p.Key == "Signature").Value, SigV2Signer.ComputeSignature(Example.SecretAccessKey, queryStringToSign));
        Assert.NotEqual(SigV2Signer.ComputeSignature("k", "s"), SigV2Signer.ComputeSignature("k", "s", "HmacSHA1"));
        Assert.Throws<ArgumentException>(() => SigV2Signer.ComputeSignature("k", "s", "HmacMD5"));
    }
}
