using System.Security.Cryptography;

namespace Stratus.Cli.Tests;

/// <summary>`stratus ... wait` on the mock cloud, and the real `stratus` process against the emulators scripts/test.sh starts.</summary>
public sealed class WaitAndEmulatorTests(MockCloudFixture mock) : IClassFixture<MockCloudFixture>
{
    [Fact]
    public async Task WaitReturnsOnceTheConditionHoldsAndFailsWhenItCannot()
    {
        var bucket = "wait-" + Guid.NewGuid().ToString("N")[..8];
        (await CliProcess.StratusAsync("s3", "mb", $"s3://{bucket}", "--endpoint-url", mock.Endpoint)).Ok();
        var ok = (await CliProcess.StratusAsync("s3api", "wait", "bucket-exists", "--bucket", bucket, "--endpoint-url", mock.Endpoint)).Ok();
        Assert.Equal("", ok.Output);
        (await CliProcess.StratusAsync("s3api", "wait", "object-not-exists", "--bucket", bucket, "--key", "nothing-here", "--endpoint-url", mock.Endpoint)).Ok();
        var bad = await CliProcess.StratusAsync("s3api", "wait", "bucket-exist", "--bucket", bucket, "--endpoint-url", mock.Endpoint);
        Assert.Equal(252, bad.ExitCode);
        Assert.Contains("bucket-exists", bad.Error, StringComparison.Ordinal);
    }

    [EmulatorFact("EMU_S3RVER_URL")]
    public async Task S3CommandsAgainstS3rver()
    {
        var endpoint = Environment.GetEnvironmentVariable("EMU_S3RVER_URL")!;
        var env = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "S3RVER" };
        var bucket = "cli-" + Guid.NewGuid().ToString("N")[..10];
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var file = Path.Combine(dir.FullName, "data.bin");
            var data = RandomNumberGenerator.GetBytes(300_000);
            await File.WriteAllBytesAsync(file, data);
            (await Run(env, "s3api", "create-bucket", "--bucket", bucket, "--endpoint-url", endpoint)).Ok();
            (await Run(env, "s3", "cp", file, $"s3://{bucket}/k/data.bin", "--endpoint-url", endpoint)).Ok();
            var listed = (await Run(env, "s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].Key", "--output", "text", "--endpoint-url", endpoint)).Ok();
            Assert.Equal("k/data.bin", listed.Output.Trim());
            var back = Path.Combine(dir.FullName, "back.bin");
            (await Run(env, "s3api", "get-object", "--bucket", bucket, "--key", "k/data.bin", back, "--endpoint-url", endpoint)).Ok();
            Assert.Equal(data, await File.ReadAllBytesAsync(back));
            (await Run(env, "s3", "rb", $"s3://{bucket}", "--force", "--endpoint-url", endpoint)).Ok();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [EmulatorFact("EMU_DYNAMODB_URL")]
    public async Task DynamoDbAgainstDynalite()
    {
        var endpoint = Environment.GetEnvironmentVariable("EMU_DYNAMODB_URL")!;
        var table = "cli-" + Guid.NewGuid().ToString("N")[..10];
        (await Run(null, "dynamodb", "create-table", "--table-name", table, "--attribute-definitions", "AttributeName=id,AttributeType=S",
            "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST", "--endpoint-url", endpoint)).Ok();
        (await Run(null, "dynamodb", "wait", "table-exists", "--table-name", table, "--endpoint-url", endpoint)).Ok();
        (await Run(null, "dynamodb", "put-item", "--table-name", table, "--item", "{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"7\"}}", "--endpoint-url", endpoint)).Ok();
        var item = (await Run(null, "dynamodb", "get-item", "--table-name", table, "--key", "{\"id\":{\"S\":\"a\"}}", "--query", "Item.n.N", "--output", "text", "--endpoint-url", endpoint)).Ok();
        Assert.Equal("7", item.Output.Trim());
        (await Run(null, "dynamodb", "delete-table", "--table-name", table, "--endpoint-url", endpoint)).Ok();
    }

    [EmulatorFact("EMU_SWIFT_S3_URL")]
    public async Task S3AgainstTheSwiftS3ApiWithStrictSignatures()
    {
        var endpoint = Environment.GetEnvironmentVariable("EMU_SWIFT_S3_URL")!;
        var env = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "test:tester", ["AWS_SECRET_ACCESS_KEY"] = "testing" };
        var bucket = "cli-" + Guid.NewGuid().ToString("N")[..10];
        (await Run(env, "s3", "mb", $"s3://{bucket}", "--endpoint-url", endpoint)).Ok();
        var ls = (await Run(env, "s3", "ls", "--endpoint-url", endpoint)).Ok();
        Assert.Contains(bucket, ls.Output, StringComparison.Ordinal);
        var wrong = await Run(new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "test:tester", ["AWS_SECRET_ACCESS_KEY"] = "wrong" }, "s3api", "list-objects-v2", "--bucket", bucket, "--endpoint-url", endpoint);
        Assert.Equal(254, wrong.ExitCode);
        Assert.Contains("SignatureDoesNotMatch", wrong.Error, StringComparison.Ordinal);
        (await Run(env, "s3", "rb", $"s3://{bucket}", "--endpoint-url", endpoint)).Ok();
    }

    private static Task<CliProcess.Result> Run(IDictionary<string, string?>? env, params string[] args) =>
        CliProcess.RunAsync("dotnet", [CliProcess.StratusDll, .. args], env);
}

/// <summary>A fact that needs an emulator started by scripts/test.sh: skipped, saying why, when its variable is unset.</summary>
public sealed class EmulatorFactAttribute : FactAttribute
{
    public EmulatorFactAttribute(string variable)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = $"{variable} is not set: the emulator is not running (scripts/test.sh starts it).";
        }
    }
}
