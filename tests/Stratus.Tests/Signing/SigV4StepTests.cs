using Stratus.Tests.TestSupport;
using Stratus.Signing;

namespace Stratus.Tests.Signing;

/// <summary>Each SigV4 step on its own.</summary>
public class SigV4StepTests
{
    [Theory]
    [InlineData("/example1/example2/../..", "/")]
    [InlineData("/example/..", "/")]
    [InlineData("/./", "/")]
    [InlineData("/./example", "/example")]
    [InlineData("//", "/")]
    [InlineData("//example//", "/example/")]
    [InlineData("", "/")]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/a/b/.", "/a/b/")]
    [InlineData("/a/%2E%2E/b", "/a/%2E%2E/b")]
    public void Normalize_removes_dot_segments_and_empty_segments(string path, string expected) =>
        Assert.Equal(expected, CanonicalPath.Normalize(path));

    [Fact]
    public void Non_s3_path_is_encoded_a_second_time()
    {
        Assert.Equal("/example%2520space/", CanonicalPath.Build("/example%20space/", doubleEncode: true, normalize: true));
        Assert.Equal("/%E1%88%B4", CanonicalPath.Build("/ሴ", doubleEncode: true, normalize: true));
        Assert.Equal("/example/%24delete", CanonicalPath.Build("/example/$delete", doubleEncode: true, normalize: true));
    }

    [Fact]
    public void S3_path_is_signed_as_sent()
    {
        Assert.Equal("/my-object//example//photo.user", CanonicalPath.Build("/my-object//example//photo.user", doubleEncode: false, normalize: false));
        Assert.Equal("/a/../b%20c", CanonicalPath.Build("/a/../b%20c", doubleEncode: false, normalize: false));
    }

    [Fact]
    public void Query_is_encoded_and_sorted_by_key_then_value()
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("Param-3", "Value3"), new("Param", "Value2"), new("ሴ", "Value1"),
            new("Param1", "value2"), new("Param1", "Value1"), new("uploads", null), new("a b", "c/d+e"),
        };
        Assert.Equal(
            "%E1%88%B4=Value1&Param=Value2&Param-3=Value3&Param1=Value1&Param1=value2&a%20b=c%2Fd%2Be&uploads=",
            CanonicalQuery.Build(query));
        Assert.Equal("", CanonicalQuery.Build([]));
    }

    [Fact]
    public void Headers_are_lowercased_sorted_trimmed_and_merged()
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Date", "20150830T123600Z"),
            new("My-Header2", "  \"a   b   c\"  "),
            new("Host", "example.amazonaws.com"),
            new("My-Header1", "value1\n  value2\n     value3"),
            new("my-header3", "x"),
            new("MY-HEADER3", "y"),
        };
        var canonical = CanonicalHeaders.Build(headers);
        Assert.Equal(
            "host:example.amazonaws.com\nmy-header1:value1 value2 value3\nmy-header2:\"a b c\"\nmy-header3:x,y\nx-amz-date:20150830T123600Z\n",
            canonical.Canonical);
        Assert.Equal("host;my-header1;my-header2;my-header3;x-amz-date", canonical.Signed);
    }

    [Fact]
    public void Canonical_request_and_string_to_sign_match_get_vanilla()
    {
        // get-vanilla, from the AWS SigV4 test suite.
        var headers = CanonicalHeaders.Build([new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")]);
        var creq = CanonicalRequest.Build("GET", "/", "", headers, PayloadHash.Empty);
        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + PayloadHash.Empty, creq);
        var sts = StringToSign.Build(StringToSign.SigV4Algorithm, "20150830T123600Z", StringToSign.Scope("20150830", "us-east-1", "service"), creq);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", sts);
        var key = SigV4Signer.DeriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "service");
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", SigV4Signer.ComputeSignature(key, sts));
    }

    [Fact]
    public void Signing_key_matches_the_documented_derivation()
    {
        // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
        var key = SigV4Signer.DeriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Time_is_formatted_in_utc()
    {
        Assert.Equal("20150830T123600Z", StringToSign.FormatTime(new DateTimeOffset(2015, 8, 30, 14, 36, 0, TimeSpan.FromHours(2))));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0999-12-31T23:59:59Z")]
    [InlineData("2024-02-29T09:05:07Z")]
    [InlineData("9999-12-31T22:59:59Z")]
    public void Time_and_date_are_formatted_as_the_invariant_culture_would(string iso)
    {
        var time = DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var expected = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, StringToSign.FormatTime(time));
        Assert.Equal(expected[..8], StringToSign.FormatDate(time));
        Assert.Equal(expected[..8], StringToSign.FormatDate(time.AddHours(1) - TimeSpan.FromHours(1)));
    }
}
