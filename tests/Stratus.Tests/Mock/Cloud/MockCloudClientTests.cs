using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Mock.Cloud;

/// <summary>The Stratus client against the in-process mock cloud: every protocol end to end, both directions.</summary>
public sealed class MockCloudClientTests
{
    [Fact]
    public async Task Ec2KeyPairsThroughTheEc2Protocol()
    {
        await using var cloud = new MockCloud();
        using var ec2 = Aws.Connect("ec2", cloud.ClientOptions());
        var created = await ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "k1" });
        Assert.StartsWith("-----BEGIN", (string)created["KeyMaterial"]!, StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<ServiceException>(() => ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "k1" }));
        Assert.Equal("InvalidKeyPair.Duplicate", e.ErrorCode);
        var described = ec2.Call("describe-key-pairs", new JsonObject { ["KeyNames"] = new JsonArray("k1") });
        Assert.Equal((string?)created["KeyFingerprint"], (string?)described["KeyPairs"]![0]!["KeyFingerprint"]);
        Assert.NotNull(described["ResponseMetadata"]!["RequestId"]);
    }

    [Fact]
    public async Task S3ObjectsThroughRestXml()
    {
        await using var cloud = new MockCloud();
        using var s3 = Aws.Connect("s3", cloud.ClientOptions());
        await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "b1" });
        var data = RandomNumberGenerator.GetBytes(100_000);
        var put = await s3.CallAsync("PutObject", new JsonObject
        {
            ["Bucket"] = "b1",
            ["Key"] = "dir/a b+c.bin",
            ["Body"] = NativeValues.Stream(new MemoryStream(data)),
            ["Metadata"] = new JsonObject { ["color"] = "blue" },
        });
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"", (string?)put["ETag"]);
        var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = "b1", ["Key"] = "dir/a b+c.bin", ["Range"] = "bytes=10-19" });
        Assert.Equal("bytes 10-19/100000", (string?)got["ContentRange"]);
        Assert.Equal("blue", (string?)got["Metadata"]!["color"]);
        using (var ms = new MemoryStream())
        {
            await got["Body"]!.GetValue<Stream>().CopyToAsync(ms);
            Assert.Equal(data[10..20], ms.ToArray());
        }
        var listed = await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = "b1", ["Delimiter"] = "/" });
        Assert.Equal("dir/", (string?)listed["CommonPrefixes"]![0]!["Prefix"]);
        var e = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = "b1", ["Key"] = "missing" }));
        Assert.Equal("NoSuchKey", e.ErrorCode);
        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public async Task SqsThroughJson()
    {
        await using var cloud = new MockCloud();
        using var sqs = Aws.Connect("sqs", cloud.ClientOptions());
        Assert.Equal("json", sqs.Protocol);
        var url = (string)(await sqs.CallAsync("CreateQueue", new JsonObject { ["QueueName"] = "q1" }))["QueueUrl"]!;
        var sent = await sqs.CallAsync("SendMessage", new JsonObject
        {
            ["QueueUrl"] = url,
            ["MessageBody"] = "hi",
            ["MessageAttributes"] = new JsonObject { ["a"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "x" } },
        });
        Assert.Equal("a512aac9938034acb0b3c3d965944bf1", (string?)sent["MD5OfMessageAttributes"]);
        var received = await sqs.CallAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = url, ["MessageAttributeNames"] = new JsonArray("All") });
        Assert.Equal("hi", (string?)received["Messages"]![0]!["Body"]);
        var e = await Assert.ThrowsAsync<ServiceException>(() => sqs.CallAsync("GetQueueUrl", new JsonObject { ["QueueName"] = "nope" }));
        Assert.Equal("QueueDoesNotExist", e.ErrorCode);
    }

    [Fact]
    public async Task StsAssumedRoleCredentialsWork()
    {
        await using var cloud = new MockCloud();
        using var sts = Aws.Connect("sts", cloud.ClientOptions());
        var assumed = await sts.CallAsync("AssumeRole", new JsonObject { ["RoleArn"] = "arn:aws:iam::000000000000:role/r", ["RoleSessionName"] = "s" });
        var c = assumed["Credentials"]!;
        var options = cloud.ClientOptions();
        options.Credentials = new AwsCredentials((string)c["AccessKeyId"]!, (string)c["SecretAccessKey"]!, (string)c["SessionToken"]!);
        using var asRole = Aws.Connect("sts", options);
        var identity = await asRole.CallAsync("GetCallerIdentity");
        Assert.EndsWith("assumed-role/r/s", (string)identity["Arn"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecretIsRejectedAsAwsWould()
    {
        await using var cloud = new MockCloud();
        var options = cloud.ClientOptions();
        options.Credentials = new AwsCredentials("test", "not-the-secret");
        using var s3 = Aws.Connect("s3", options);
        var e = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("ListBuckets"));
        Assert.Equal("SignatureDoesNotMatch", e.ErrorCode);
        Assert.Equal(403, e.StatusCode);
        options.Credentials = new AwsCredentials("AKIDUNKNOWN", "x");
        using var sqs = Aws.Connect("sqs", options);
        var unknown = await Assert.ThrowsAsync<ServiceException>(() => sqs.CallAsync("ListQueues"));
        Assert.Equal("UnrecognizedClientException", unknown.ErrorCode);
    }

    [Fact]
    public async Task VerificationCanBeTurnedOff()
    {
        await using var cloud = new MockCloud(new MockCloudOptions { VerifySignatures = false });
        var options = cloud.ClientOptions();
        options.Credentials = new AwsCredentials("anything", "at-all");
        using var sts = Aws.Connect("sts", options);
        var identity = await sts.CallAsync("GetCallerIdentity");
        Assert.Equal("000000000000", (string?)identity["Account"]);
    }

    [Fact]
    public async Task UnimplementedOperationSaysSo()
    {
        await using var cloud = new MockCloud();
        using var s3 = Aws.Connect("s3", cloud.ClientOptions());
        var e = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("GetBucketLogging", new JsonObject { ["Bucket"] = "b" }));
        Assert.Equal("NotImplemented", e.ErrorCode);
        Assert.Contains("s3.GetBucketLogging", e.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateSurvivesARestart()
    {
        var dir = Directory.CreateTempSubdirectory("stratus-state-");
        try
        {
            await using (var cloud = new MockCloud(new MockCloudOptions { StateDirectory = dir.FullName }))
            {
                using var s3 = Aws.Connect("s3", cloud.ClientOptions());
                await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "kept" });
                await s3.CallAsync("PutObject", new JsonObject { ["Bucket"] = "kept", ["Key"] = "k", ["Body"] = NativeValues.Blob("persisted"u8.ToArray()) });
                using var ec2 = Aws.Connect("ec2", cloud.ClientOptions());
                await ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "kept-key" });
            }
            await using (var again = new MockCloud(new MockCloudOptions { StateDirectory = dir.FullName }))
            {
                using var s3 = Aws.Connect("s3", again.ClientOptions());
                var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = "kept", ["Key"] = "k" });
                using var reader = new StreamReader(got["Body"]!.GetValue<Stream>());
                Assert.Equal("persisted", await reader.ReadToEndAsync());
                using var ec2 = Aws.Connect("ec2", again.ClientOptions());
                var keys = await ec2.CallAsync("DescribeKeyPairs");
                Assert.Equal("kept-key", (string?)keys["KeyPairs"]![0]!["KeyName"]);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
