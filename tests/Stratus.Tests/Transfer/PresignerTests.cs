using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Testing.Mock;
using Stratus.Transfer;

namespace Stratus.Tests.Transfer;

/// <summary>Presigned URLs used with a plain HttpClient against the mock cloud on a loopback port; POST policies checked by recomputing their signature.</summary>
public sealed class PresignerTests
{
    private static ServiceClient Connect(MockServer server, TimeProvider? clock = null, AwsCredentials? credentials = null) => Aws.Connect("s3", new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = server.Url,
        Credentials = credentials ?? new AwsCredentials("test", "test"),
        Clock = clock ?? TimeProvider.System,
    });

    [Fact]
    public async Task Presigned_GET_and_PUT_work_with_a_plain_HttpClient()
    {
        await using var cloud = new MockCloud();
        await using var server = await cloud.StartServerAsync();
        using var s3 = Connect(server);
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "shared" });
        var presigner = new Presigner(s3);
        using var http = new HttpClient();

        var put = await presigner.PresignPutObjectAsync("shared", "dir/a file+1.txt", TimeSpan.FromMinutes(5), "text/plain");
        Assert.Equal("PUT", put.Method);
        Assert.Contains("X-Amz-Signature=", put.Url.Query, StringComparison.Ordinal);
        using (var content = new StringContent("presigned hello", Encoding.UTF8))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(put.Headers["Content-Type"]);
            using var response = await http.PutAsync(put.Url, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var get = presigner.PresignGetObject("shared", "dir/a file+1.txt", TimeSpan.FromDays(7));
        Assert.Equal("GET", get.Method);
        Assert.Empty(get.Headers);
        Assert.Equal("presigned hello", await http.GetStringAsync(get.Url));

        // Another key under the same signature is refused.
        var other = new Uri(get.Url.ToString().Replace("a%20file", "b%20file", StringComparison.Ordinal));
        using var forged = await http.GetAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task An_expired_URL_is_refused()
    {
        await using var cloud = new MockCloud();
        await using var server = await cloud.StartServerAsync();
        using var s3 = Connect(server);
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "old" });
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        using var earlier = Connect(server, past);
        var get = new Presigner(earlier).PresignGetObject("old", "k", TimeSpan.FromHours(1));
        using var http = new HttpClient();
        using var response = await http.GetAsync(get.Url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Expiry_is_at_most_seven_days()
    {
        using var s3 = Aws.Connect("s3", new ClientOptions { Region = "us-east-1", Credentials = new AwsCredentials("a", "b") });
        var presigner = new Presigner(s3);
        Assert.Throws<ArgumentOutOfRangeException>(() => presigner.PresignGetObject("b", "k", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => presigner.PresignGetObject("b", "k", TimeSpan.Zero));
        var url = presigner.PresignGetObject("my-bucket", "k", TimeSpan.FromDays(7)).Url;
        Assert.Equal("my-bucket.s3.us-east-1.amazonaws.com", url.Host);
        Assert.Contains("X-Amz-Expires=604800", url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void A_presigned_POST_carries_a_policy_whose_signature_recomputes()
    {
        var now = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        using var s3 = Aws.Connect("s3", new ClientOptions
        {
            Region = "eu-west-1",
            Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token"),
            Clock = new FakeTimeProvider(now),
        });
        var post = new Presigner(s3).PresignPost("uploads-bucket", "user/42/${filename}", new PresignedPostOptions
        {
            ExpiresIn = TimeSpan.FromMinutes(10),
            Fields = new Dictionary<string, string> { ["Content-Type"] = "image/png", ["success_action_status"] = "201" },
            Conditions = [new JsonArray("content-length-range", 1, 1048576), new JsonArray("starts-with", "$Content-Type", "image/")],
        });
        Assert.Equal("https://uploads-bucket.s3.eu-west-1.amazonaws.com/", post.Url.ToString());
        var f = post.Fields;
        Assert.Equal("user/42/${filename}", f["key"]);
        Assert.Equal("AWS4-HMAC-SHA256", f["x-amz-algorithm"]);
        Assert.Equal("AKIDEXAMPLE/20250304/eu-west-1/s3/aws4_request", f["x-amz-credential"]);
        Assert.Equal("20250304T050607Z", f["x-amz-date"]);
        Assert.Equal("session-token", f["x-amz-security-token"]);
        Assert.Equal("201", f["success_action_status"]);

        // The signature, recomputed from scratch: HMAC-SHA256 chain over date, region, service, then the base64 policy.
        static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "20250304"), "eu-west-1"), "s3"), "aws4_request");
        Assert.Equal(Convert.ToHexStringLower(Hmac(key, f["policy"])), f["x-amz-signature"]);

        var policy = JsonNode.Parse(Convert.FromBase64String(f["policy"]))!;
        Assert.Equal("2025-03-04T05:16:07.000Z", (string?)policy["expiration"]);
        var conditions = policy["conditions"]!.AsArray().Select(c => c!.ToJsonString()).ToList();
        Assert.Contains("""{"bucket":"uploads-bucket"}""", conditions);
        Assert.Contains("""["starts-with","$key","user/42/"]""", conditions);
        Assert.Contains("""["content-length-range",1,1048576]""", conditions);
        Assert.Contains("""["starts-with","$Content-Type","image/"]""", conditions);
        Assert.DoesNotContain("""{"Content-Type":"image/png"}""", conditions); // its own condition names it
        Assert.Contains("""{"success_action_status":"201"}""", conditions);
        Assert.Contains("""{"x-amz-credential":"AKIDEXAMPLE/20250304/eu-west-1/s3/aws4_request"}""", conditions);
        Assert.Contains("""{"x-amz-date":"20250304T050607Z"}""", conditions);
        Assert.Contains("""{"x-amz-algorithm":"AWS4-HMAC-SHA256"}""", conditions);
        Assert.Contains("""{"x-amz-security-token":"session-token"}""", conditions);
    }
}
