// The boto 2.0 example, on the built-in mock cloud: no network, no account.
// Connect to EC2, create key pairs, get all key pairs, print the native result; then S3, SQS and DynamoDB.
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quickstart;
using Stratus;
using Stratus.Transfer;
using Stratus.Testing.Mock;

await using var cloud = new MockCloud();          // in-process: requests never leave this process
var options = cloud.ClientOptions("us-east-1");  // endpoint, credentials (test/test) and transport
var print = new JsonSerializerOptions { WriteIndented = true };

// EC2: the seed's own example.
using var ec2 = Aws.Connect("ec2", options);
await ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "alice" });
await ec2.CallAsync("CreateKeyPair", new JsonObject { ["KeyName"] = "bob" });
JsonObject rs = await ec2.CallAsync("DescribeKeyPairs");
Console.WriteLine("== EC2 DescribeKeyPairs");
foreach (var kp in rs["KeyPairs"]!.AsArray())
{
    Console.WriteLine($"{kp!["KeyName"],-8} {kp["KeyFingerprint"]}");
}

// S3: upload a file with progress (the transfer manager: 16 MiB in 5 MiB parts, CRC32C end to end), list, download, verify.
using var s3 = Aws.Connect("s3", options);
await s3.CallAsync("CreateBucket", new JsonObject { ["Bucket"] = "quickstart" });
var path = Path.Combine(Path.GetTempPath(), $"stratus-quickstart-{Environment.ProcessId}.bin");
await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(16 * 1024 * 1024));
var transfers = new TransferManager(s3, new TransferOptions { PartSize = 5 * 1024 * 1024, MultipartThreshold = 5 * 1024 * 1024 });
Console.WriteLine("== S3 upload (16 MiB, multipart, with progress)");
var lastMiB = -1L;
var uploaded = await transfers.UploadFileAsync(path, "quickstart", "data/random.bin", new UploadOptions
{
    Progress = new SyncProgress<TransferProgress>(p =>
    {
        if (p.BytesTransferred >> 20 != lastMiB)
        {
            lastMiB = p.BytesTransferred >> 20;
            Console.Write($"\r  {lastMiB} of {p.TotalBytes >> 20} MiB");
        }
    }),
});
Console.WriteLine($"\n  ETag {uploaded.ETag} in {uploaded.Parts} parts, checksum {uploaded.Checksum}");
var listing = await s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = "quickstart" });
Console.WriteLine("== S3 ListObjectsV2");
foreach (var o in listing["Contents"]!.AsArray())
{
    Console.WriteLine($"  {o!["Key"]} {o["Size"]} bytes, modified {o["LastModified"]!.GetValue<DateTimeOffset>():u}");
}
var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = "quickstart", ["Key"] = "data/random.bin" });
await using (var body = got["Body"]!.GetValue<Stream>())
{
    var downloaded = await SHA256.HashDataAsync(body);
    var original = SHA256.HashData(await File.ReadAllBytesAsync(path));
    Console.WriteLine($"== S3 GetObject: {got["ContentLength"]} bytes, content {(downloaded.AsSpan().SequenceEqual(original) ? "verified" : "DIFFERS")}");
}
File.Delete(path);


// SQS: send, receive.
using var sqs = Aws.Connect("sqs", options);
var queueUrl = (string)(await sqs.CallAsync("CreateQueue", new JsonObject { ["QueueName"] = "quickstart" }))["QueueUrl"]!;
var sent = await sqs.CallAsync("SendMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["MessageBody"] = "hello, cloud" });
var received = await sqs.CallAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["WaitTimeSeconds"] = 1 });
Console.WriteLine($"== SQS: sent {sent["MessageId"]}, received \"{received["Messages"]![0]!["Body"]}\"");

// DynamoDB: put, query.
using var ddb = Aws.Connect("dynamodb", options);
await ddb.CallAsync("CreateTable", new JsonObject
{
    ["TableName"] = "Music",
    ["AttributeDefinitions"] = new JsonArray(
        new JsonObject { ["AttributeName"] = "Artist", ["AttributeType"] = "S" },
        new JsonObject { ["AttributeName"] = "Song", ["AttributeType"] = "S" }),
    ["KeySchema"] = new JsonArray(
        new JsonObject { ["AttributeName"] = "Artist", ["KeyType"] = "HASH" },
        new JsonObject { ["AttributeName"] = "Song", ["KeyType"] = "RANGE" }),
    ["BillingMode"] = "PAY_PER_REQUEST",
});
foreach (var song in new[] { "Blue in Green", "So What", "Freddie Freeloader" })
{
    await ddb.CallAsync("PutItem", new JsonObject
    {
        ["TableName"] = "Music",
        ["Item"] = new JsonObject { ["Artist"] = new JsonObject { ["S"] = "Miles Davis" }, ["Song"] = new JsonObject { ["S"] = song } },
    });
}
var query = await ddb.CallAsync("Query", new JsonObject
{
    ["TableName"] = "Music",
    ["KeyConditionExpression"] = "Artist = :a AND begins_with(Song, :s)",
    ["ExpressionAttributeValues"] = new JsonObject { [":a"] = new JsonObject { ["S"] = "Miles Davis" }, [":s"] = new JsonObject { ["S"] = "So" } },
});
query.Remove("ResponseMetadata");
Console.WriteLine("== DynamoDB Query");
Console.WriteLine(query.ToJsonString(print));
