using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Pipeline;
using Stratus.Protocols;
using Stratus.Signing;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Live;

/// <summary>
/// S3 through the generic client against OpenStack Swift's s3api (tempauth), which really verifies
/// SigV4 and SigV2 signatures, header and query (presigned) styles: unlike s3rver, a wrong signature fails here.
/// </summary>
public sealed class SwiftS3ApiTests
{
    private const string Variable = "EMU_SWIFT_S3_URL";
    private const string Region = "us-east-1";
    private static readonly AwsCredentials Good = new("test:tester", "testing");

    private static Uri Url => Emulators.Url(Variable)!;

    private static ServiceClient Client(string? signatureVersion, AwsCredentials? credentials = null, bool unsigned = false) => Aws.Connect("s3", new ClientOptions
    {
        EndpointUrl = Url,
        Region = Region,
        Credentials = unsigned ? null : credentials ?? Good,
        Unsigned = unsigned,
        SignatureVersion = signatureVersion,
        Retry = new RetryOptions { MaxAttempts = 1 },
    });

    private static string NewBucket() => "stratus-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The object's URI, path-style, each key segment percent-encoded once.</summary>
    private static Uri ObjectUri(string bucket, string key) =>
        new(Url.GetLeftPart(UriPartial.Authority) + "/" + bucket + "/" + string.Join('/', key.Split('/').Select(s => UriEncoding.Encode(s))),
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    private static async Task<byte[]> ReadBody(JsonObject got)
    {
        await using var body = got["Body"]!.GetValue<Stream>();
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return copy.ToArray();
    }

    [EmulatorTheory(Variable)]
    [InlineData(null)]
    [InlineData("v4")]
    [InlineData("s3v2")]
    public async Task Buckets_and_objects_round_trip(string? signatureVersion)
    {
        using var s3 = Client(signatureVersion);
        var bucket = NewBucket();
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = bucket });
        var buckets = (await s3.CallAsync("ListBuckets"))["Buckets"]!.AsArray().Select(b => (string)b!["Name"]!).ToList();
        Assert.Contains(bucket, buckets);

        var objects = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["empty"] = [],
            ["text.txt"] = Encoding.UTF8.GetBytes("hello swift"),
            ["dir/a b+c ü~.bin"] = RandomNumberGenerator.GetBytes(1024 * 1024 + 3),
            ["dir/sub/binary"] = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
        };
        foreach (var (key, data) in objects)
        {
            var put = await s3.CallAsync("PutObject", new JsonObject
            {
                ["Bucket"] = bucket,
                ["Key"] = key,
                ["Body"] = NativeValues.Blob(data),
                ["ContentType"] = "application/octet-stream",
                ["Metadata"] = new JsonObject { ["origin"] = "stratus" },
            });
            Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"", (string?)put["ETag"]);
        }
        // A seekable stream body too (SigV4 hashes it; SigV2 does not read it).
        var streamed = RandomNumberGenerator.GetBytes(200_000);
        using (var upload = new MemoryStream(streamed))
        {
            await s3.CallAsync("PutObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "streamed", ["Body"] = NativeValues.Stream(upload) });
        }
        objects["streamed"] = streamed;

        var listed = await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket });
        Assert.Equal(objects.Keys.Order(StringComparer.Ordinal), listed["Contents"]!.AsArray().Select(o => (string)o!["Key"]!));
        var prefixed = await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket, ["Prefix"] = "dir/", ["Delimiter"] = "/" });
        Assert.Equal(["dir/a b+c ü~.bin"], prefixed["Contents"]!.AsArray().Select(o => (string)o!["Key"]!));
        Assert.Equal(["dir/sub/"], prefixed["CommonPrefixes"]!.AsArray().Select(o => (string)o!["Prefix"]!));

        foreach (var (key, data) in objects)
        {
            var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = key });
            Assert.Equal(data.Length, (long)got["ContentLength"]!);
            Assert.Equal(data, await ReadBody(got));
        }
        var head = await s3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "text.txt" });
        Assert.Equal("stratus", (string?)head["Metadata"]!["origin"]);
        var ranged = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "text.txt", ["Range"] = "bytes=6-10" });
        Assert.Equal("swift"u8.ToArray(), await ReadBody(ranged));

        foreach (var key in objects.Keys)
        {
            await s3.CallAsync("DeleteObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = key });
        }
        var missing = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "text.txt" }));
        Assert.Equal(("NoSuchKey", 404), (missing.ErrorCode, missing.StatusCode));
        var empty = await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket });
        Assert.Equal(0, (int)empty["KeyCount"]!);
        await s3.CallAsync("DeleteBucket", new JsonObject { ["Bucket"] = bucket });
        buckets = (await s3.CallAsync("ListBuckets"))["Buckets"]?.AsArray().Select(b => (string)b!["Name"]!).ToList() ?? [];
        Assert.DoesNotContain(bucket, buckets);
        var gone = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket }));
        Assert.Equal(("NoSuchBucket", 404), (gone.ErrorCode, gone.StatusCode));
    }

    [EmulatorTheory(Variable)]
    [InlineData(null)]
    [InlineData("s3v2")]
    public async Task Wrong_secret_is_SignatureDoesNotMatch(string? signatureVersion)
    {
        using var bad = Client(signatureVersion, new AwsCredentials("test:tester", "not-the-secret"));
        var list = await Assert.ThrowsAsync<ServiceException>(() => bad.CallAsync("ListBuckets"));
        Assert.Equal(("SignatureDoesNotMatch", 403), (list.ErrorCode, list.StatusCode));
        var put = await Assert.ThrowsAsync<ServiceException>(() => bad.CallAsync("PutObject", new JsonObject
        {
            ["Bucket"] = NewBucket(),
            ["Key"] = "k",
            ["Body"] = NativeValues.Blob("x"u8.ToArray()),
        }));
        Assert.Equal(("SignatureDoesNotMatch", 403), (put.ErrorCode, put.StatusCode));
    }

    [EmulatorTheory(Variable)]
    [InlineData(null)]
    [InlineData("s3v2")]
    public async Task Unknown_access_key_is_refused(string? signatureVersion)
    {
        // AWS would answer InvalidAccessKeyId; Swift's s3api with tempauth cannot tell an unknown user from a
        // wrong key and answers SignatureDoesNotMatch for both.
        using var bad = Client(signatureVersion, new AwsCredentials("test:nobody", "testing"));
        var e = await Assert.ThrowsAsync<ServiceException>(() => bad.CallAsync("ListBuckets"));
        Assert.Equal(("SignatureDoesNotMatch", 403), (e.ErrorCode, e.StatusCode));
    }

    [EmulatorFact(Variable)]
    public async Task Anonymous_requests_reach_no_data()
    {
        using var s3 = Client(null);
        var bucket = NewBucket();
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = bucket });
        try
        {
            var secret = RandomNumberGenerator.GetBytes(64);
            await s3.CallAsync("PutObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "private", ["Body"] = NativeValues.Blob(secret) });

            // Without an Authorization header or a signed query, s3api does not take the request as S3 at all:
            // it goes on as a Swift request without a token, which Swift's path rules and tempauth refuse.
            using var http = new HttpClient();
            using (var get = await http.GetAsync(ObjectUri(bucket, "private")))
            {
                Assert.True(get.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError, $"anonymous GET: {(int)get.StatusCode}");
                Assert.NotEqual(secret, await get.Content.ReadAsByteArrayAsync());
            }
            using (var put = await http.PutAsync(ObjectUri(bucket, "planted"), new ByteArrayContent("x"u8.ToArray())))
            {
                Assert.True(put.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError, $"anonymous PUT: {(int)put.StatusCode}");
            }

            using var anonymous = Client(null, unsigned: true);
            var denied = await Assert.ThrowsAnyAsync<StratusException>(() => anonymous.CallAsync("GetObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "private" }));
            Assert.True(denied is ServiceException { StatusCode: 400 }, denied.ToString());
            var listing = await Assert.ThrowsAnyAsync<StratusException>(() => anonymous.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket }));
            Assert.True(listing is ServiceException { StatusCode: 412 }, listing.ToString());

            var listed = await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = bucket });
            Assert.Equal(["private"], listed["Contents"]!.AsArray().Select(o => (string)o!["Key"]!));
            await s3.CallAsync("DeleteObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = "private" });
        }
        finally
        {
            await s3.CallAsync("DeleteBucket", new JsonObject { ["Bucket"] = bucket });
        }
    }

    /// <summary>Presigns with SigV4's query style (<c>X-Amz-*</c>), S3 rules and an unsigned payload.</summary>
    private static Uri PresignV4(HttpMethod method, Uri uri, AwsCredentials credentials, DateTimeOffset time, TimeSpan expires)
    {
        using var message = new HttpRequestMessage(method, uri);
        SigV4Signer.Presign(message, credentials, new SigV4Options
        {
            Region = Region,
            Service = "s3",
            Time = time,
            PayloadHash = PayloadHash.Unsigned,
            S3Variant = true,
            Expires = expires,
        });
        return message.RequestUri!;
    }

    /// <summary>Presigns with S3's SigV2 query style (<c>AWSAccessKeyId</c>, <c>Expires</c>, <c>Signature</c>).</summary>
    private static Uri PresignV2(HttpMethod method, Uri uri, AwsCredentials credentials, DateTimeOffset expires)
    {
        using var message = new HttpRequestMessage(method, uri);
        S3SigV2Signer.Presign(message, credentials, expires);
        return message.RequestUri!;
    }

    private static Uri Presign(string style, HttpMethod method, Uri uri, AwsCredentials credentials, TimeSpan expires) => style switch
    {
        "v4" => PresignV4(method, uri, credentials, DateTimeOffset.UtcNow, expires),
        _ => PresignV2(method, uri, credentials, DateTimeOffset.UtcNow + expires),
    };

    [EmulatorTheory(Variable)]
    [InlineData("v4")]
    [InlineData("s3v2")]
    public async Task Presigned_put_and_get_work_with_a_plain_HttpClient(string style)
    {
        using var s3 = Client(null);
        var bucket = NewBucket();
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = bucket });
        try
        {
            using var http = new HttpClient();
            var key = "presigned/a b+ü.bin";
            var data = RandomNumberGenerator.GetBytes(300_001);

            var putUri = Presign(style, HttpMethod.Put, ObjectUri(bucket, key), Good, TimeSpan.FromMinutes(5));
            using (var put = await http.PutAsync(putUri, new ByteArrayContent(data)))
            {
                Assert.True(put.StatusCode == HttpStatusCode.OK, $"presigned PUT: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
            }
            var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = key });
            Assert.Equal(data, await ReadBody(got));

            var getUri = Presign(style, HttpMethod.Get, ObjectUri(bucket, key), Good, TimeSpan.FromMinutes(5));
            using (var get = await http.GetAsync(getUri))
            {
                Assert.True(get.StatusCode == HttpStatusCode.OK, $"presigned GET: {(int)get.StatusCode} {await get.Content.ReadAsStringAsync()}");
                Assert.Equal(data, await get.Content.ReadAsByteArrayAsync());
            }

            // The signature covers the method and the path: the GET URL neither writes nor reads another key.
            using (var misuse = await http.PutAsync(getUri, new ByteArrayContent("x"u8.ToArray())))
            {
                Assert.Equal(HttpStatusCode.Forbidden, misuse.StatusCode);
                Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await misuse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            var otherKey = new Uri(getUri.OriginalString.Replace("/presigned/", "/presigneD/", StringComparison.Ordinal),
                new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            using (var tampered = await http.GetAsync(otherKey))
            {
                Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
                Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            // Signed with the wrong secret.
            var forged = Presign(style, HttpMethod.Get, ObjectUri(bucket, key), new AwsCredentials("test:tester", "not-the-secret"), TimeSpan.FromMinutes(5));
            using (var wrong = await http.GetAsync(forged))
            {
                Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
                Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            // Expired an hour ago.
            var expired = style == "v4"
                ? PresignV4(HttpMethod.Get, ObjectUri(bucket, key), Good, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1))
                : PresignV2(HttpMethod.Get, ObjectUri(bucket, key), Good, DateTimeOffset.UtcNow.AddHours(-1));
            using (var old = await http.GetAsync(expired))
            {
                Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
                Assert.Contains("<Code>AccessDenied</Code>", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            await s3.CallAsync("DeleteObject", new JsonObject { ["Bucket"] = bucket, ["Key"] = key });
        }
        finally
        {
            await s3.CallAsync("DeleteBucket", new JsonObject { ["Bucket"] = bucket });
        }
    }
}
