using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Stratus.RealClients.Tests;

/// <summary>The AWS CLI from Debian (/usr/bin/aws) against `stratus mock serve`.</summary>
public sealed class AwsCliTests(MockServeFixture mock) : IClassFixture<MockServeFixture>
{
    private const string Aws = "/usr/bin/aws";

    private Task<Tool.Result> Run(params string[] args) =>
        Tool.RunAsync(Aws, ["--endpoint-url", mock.Endpoint, "--output", "json", .. args], new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PAGER"] = "",
        });

    [ToolFact(Aws)]
    public async Task S3BucketObjectsMultipartAndPresignedUrl()
    {
        var bucket = "cli-" + Guid.NewGuid().ToString("N")[..10];
        (await Run("s3api", "create-bucket", "--bucket", bucket)).Ok();
        var dir = Directory.CreateTempSubdirectory();
        var big = Path.Combine(dir.FullName, "big.bin");
        var data = RandomNumberGenerator.GetBytes(20 * 1024 * 1024 + 123);
        await File.WriteAllBytesAsync(big, data);
        // 20 MiB: the CLI uploads it in parts (its threshold is 8 MiB).
        (await Run("s3", "cp", big, $"s3://{bucket}/data/big.bin")).Ok();
        var head = (await Run("s3api", "head-object", "--bucket", bucket, "--key", "data/big.bin")).Ok().Json;
        Assert.Equal(data.Length, (long)head["ContentLength"]!);
        Assert.EndsWith("-3\"", (string)head["ETag"]!, StringComparison.Ordinal);
        var copy = Path.Combine(dir.FullName, "copy.bin");
        (await Run("s3", "cp", $"s3://{bucket}/data/big.bin", copy)).Ok();
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(await File.ReadAllBytesAsync(copy)));

        var listed = (await Run("s3api", "list-objects-v2", "--bucket", bucket)).Ok().Json;
        Assert.Equal("data/big.bin", (string?)listed["Contents"]![0]!["Key"]);

        var url = (await Run("s3", "presign", $"s3://{bucket}/data/big.bin", "--expires-in", "300")).Ok().Output.Trim();
        using var http = new HttpClient();
        var fetched = await http.GetByteArrayAsync(url);
        Assert.Equal(data.Length, fetched.Length);

        (await Run("s3", "rm", $"s3://{bucket}/data/big.bin")).Ok();
        (await Run("s3api", "delete-bucket", "--bucket", bucket)).Ok();
        var missing = await Run("s3api", "head-bucket", "--bucket", bucket);
        Assert.NotEqual(0, missing.ExitCode);
        dir.Delete(recursive: true);
    }

    [ToolFact(Aws)]
    public async Task Ec2KeyPairsAndInstances()
    {
        var name = "cli-key-" + Guid.NewGuid().ToString("N")[..8];
        var created = (await Run("ec2", "create-key-pair", "--key-name", name)).Ok().Json;
        Assert.StartsWith("-----BEGIN", (string)created["KeyMaterial"]!, StringComparison.Ordinal);
        var duplicate = await Run("ec2", "create-key-pair", "--key-name", name);
        Assert.Contains("InvalidKeyPair.Duplicate", duplicate.Error, StringComparison.Ordinal);
        var described = (await Run("ec2", "describe-key-pairs", "--key-names", name)).Ok().Json;
        Assert.Equal((string?)created["KeyFingerprint"], (string?)described["KeyPairs"]![0]!["KeyFingerprint"]);

        var run = (await Run("ec2", "run-instances", "--image-id", "ami-12345678", "--instance-type", "t3.micro", "--count", "2", "--key-name", name)).Ok().Json;
        var ids = run["Instances"]!.AsArray().Select(i => (string)i!["InstanceId"]!).ToArray();
        Assert.Equal(2, ids.Length);
        var running = (await Run("ec2", "describe-instances", "--instance-ids", ids[0], ids[1])).Ok().Json;
        Assert.Equal(2, running["Reservations"]!.AsArray().SelectMany(r => r!["Instances"]!.AsArray()).Count());
        var terminated = (await Run("ec2", "terminate-instances", "--instance-ids", ids[0])).Ok().Json;
        Assert.Equal("shutting-down", (string?)terminated["TerminatingInstances"]![0]!["CurrentState"]!["Name"]);
        (await Run("ec2", "delete-key-pair", "--key-name", name)).Ok();
    }

    [ToolFact(Aws)]
    public async Task SqsSendReceiveDelete()
    {
        var queue = "cli-" + Guid.NewGuid().ToString("N")[..10];
        var url = (string)(await Run("sqs", "create-queue", "--queue-name", queue)).Ok().Json["QueueUrl"]!;
        var sent = (await Run("sqs", "send-message", "--queue-url", url, "--message-body", "hello",
            "--message-attributes", "{\"a\":{\"DataType\":\"String\",\"StringValue\":\"x\"}}")).Ok().Json;
        Assert.Equal("a512aac9938034acb0b3c3d965944bf1", (string?)sent["MD5OfMessageAttributes"]);
        var received = (await Run("sqs", "receive-message", "--queue-url", url, "--message-attribute-names", "All")).Ok().Json;
        var message = received["Messages"]![0]!;
        Assert.Equal("hello", (string?)message["Body"]);
        Assert.Equal("x", (string?)message["MessageAttributes"]!["a"]!["StringValue"]);
        (await Run("sqs", "delete-message", "--queue-url", url, "--receipt-handle", (string)message["ReceiptHandle"]!)).Ok();
        (await Run("sqs", "delete-queue", "--queue-url", url)).Ok();
        var gone = await Run("sqs", "get-queue-url", "--queue-name", queue);
        Assert.Contains("NonExistentQueue", gone.Error, StringComparison.Ordinal);
    }

    [ToolFact(Aws)]
    public async Task DynamoDbTableAndItems()
    {
        var table = "cli-" + Guid.NewGuid().ToString("N")[..10];
        (await Run("dynamodb", "create-table", "--table-name", table,
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
            "--billing-mode", "PAY_PER_REQUEST")).Ok();
        (await Run("dynamodb", "wait", "table-exists", "--table-name", table)).Ok();
        for (var i = 1; i <= 3; i++)
        {
            (await Run("dynamodb", "put-item", "--table-name", table, "--item", $"{{\"pk\":{{\"S\":\"a\"}},\"sk\":{{\"N\":\"{i}\"}},\"v\":{{\"S\":\"v{i}\"}}}}")).Ok();
        }
        var item = (await Run("dynamodb", "get-item", "--table-name", table, "--key", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"}}")).Ok().Json;
        Assert.Equal("v2", (string?)item["Item"]!["v"]!["S"]);
        var query = (await Run("dynamodb", "query", "--table-name", table, "--key-condition-expression", "pk = :p AND sk > :s",
            "--expression-attribute-values", "{\":p\":{\"S\":\"a\"},\":s\":{\"N\":\"1\"}}")).Ok().Json;
        Assert.Equal(2, (int)query["Count"]!);
        var failed = await Run("dynamodb", "put-item", "--table-name", table, "--item", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}",
            "--condition-expression", "attribute_not_exists(pk)");
        Assert.Contains("ConditionalCheckFailedException", failed.Error, StringComparison.Ordinal);
        (await Run("dynamodb", "delete-table", "--table-name", table)).Ok();
    }

    [ToolFact(Aws)]
    public async Task StsCallerIdentity()
    {
        var identity = (await Run("sts", "get-caller-identity")).Ok().Json;
        Assert.Equal("000000000000", (string?)identity["Account"]);
    }
}
