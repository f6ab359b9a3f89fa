// The quickstart's tasks through the generated typed clients, on the built-in mock cloud: no network, no account.
// The types come from the StratusService items in TypedQuickstart.csproj (Stratus.Generators, at compile time).
using System.Text;
using Stratus.Client;
using Stratus.Testing.Mock;
using Stratus.Typed.DynamoDB;
using Stratus.Typed.EC2;
using Stratus.Typed.S3;
using Stratus.Typed.SQS;
using DynamoDB = Stratus.Typed.DynamoDB;

await using var cloud = new MockCloud();          // in-process: requests never leave this process
var options = cloud.ClientOptions("us-east-1");  // endpoint, credentials (test/test) and transport

// EC2: the seed's example, typed.
using var ec2 = new EC2Client(options);
await ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "alice" });
await ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = "bob" });
DescribeKeyPairsResult keys = await ec2.DescribeKeyPairsAsync();
Console.WriteLine("== EC2 DescribeKeyPairs");
foreach (var kp in keys.KeyPairs ?? [])
{
    Console.WriteLine($"{kp.KeyName,-8} {kp.KeyFingerprint}");
}
await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", InstanceType = InstanceType.T3Micro, MinCount = 2, MaxCount = 2 });
Console.WriteLine("== EC2 DescribeInstances (typed paginator, items across pages)");
await foreach (var reservation in ec2.DescribeInstancesItemsAsync())
{
    foreach (var instance in reservation.Instances ?? [])
    {
        Console.WriteLine($"  {instance.InstanceId} {instance.InstanceType} {instance.State?.Name}");
    }
}

// S3: put, get, list; a modeled error as a typed exception.
using var s3 = new S3Client(options);
await s3.CreateBucketAsync(new CreateBucketRequest { Bucket = "quickstart" });
await s3.PutObjectAsync(new PutObjectRequest { Bucket = "quickstart", Key = "hello.txt", Body = new MemoryStream(Encoding.UTF8.GetBytes("hello, typed world")), ContentType = "text/plain" });
var got = await s3.GetObjectAsync(new GetObjectRequest { Bucket = "quickstart", Key = "hello.txt" });
using (var reader = new StreamReader(got.Body!))
{
    Console.WriteLine($"== S3 GetObject: {await reader.ReadToEndAsync()} ({got.ContentLength} bytes, {got.ContentType}, ETag {got.ETag})");
}
Console.WriteLine("== S3 ListObjectsV2 (typed pages)");
await foreach (var page in s3.ListObjectsV2PagesAsync(new ListObjectsV2Request { Bucket = "quickstart" }))
{
    foreach (var o in page.Contents ?? [])
    {
        Console.WriteLine($"  {o.Key} {o.Size} bytes, modified {o.LastModified:u}, class {o.StorageClass}");
    }
}
try
{
    await s3.GetObjectAsync(new GetObjectRequest { Bucket = "quickstart", Key = "missing.txt" });
}
catch (NoSuchKeyException e)
{
    Console.WriteLine($"== S3 NoSuchKeyException: {e.ErrorCode} (HTTP {e.StatusCode})");
}

// SQS: send, receive, delete.
using var sqs = new SQSClient(options);
var queue = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "quickstart" });
await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queue.QueueUrl!, MessageBody = "hello from the typed client" });
var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.QueueUrl!, MaxNumberOfMessages = 1 });
foreach (var message in received.Messages ?? [])
{
    Console.WriteLine($"== SQS ReceiveMessage: {message.Body}");
    await sqs.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = queue.QueueUrl!, ReceiptHandle = message.ReceiptHandle! });
}

// DynamoDB: create a table, put items, query them back.
using var ddb = new DynamoDBClient(options);
await ddb.CreateTableAsync(new CreateTableInput
{
    TableName = "music",
    AttributeDefinitions = [new AttributeDefinition { AttributeName = "Artist", AttributeType = ScalarAttributeType.S }, new AttributeDefinition { AttributeName = "Song", AttributeType = ScalarAttributeType.S }],
    KeySchema = [new KeySchemaElement { AttributeName = "Artist", KeyType = DynamoDB.KeyType.Hash }, new KeySchemaElement { AttributeName = "Song", KeyType = DynamoDB.KeyType.Range }],
    BillingMode = BillingMode.PayPerRequest,
});
foreach (var (song, year) in new[] { ("Blue in Green", "1959"), ("So What", "1959") })
{
    await ddb.PutItemAsync(new PutItemInput
    {
        TableName = "music",
        Item = new Dictionary<string, AttributeValue> { ["Artist"] = new() { S = "Miles Davis" }, ["Song"] = new() { S = song }, ["Year"] = new() { N = year } },
    });
}
Console.WriteLine("== DynamoDB Query (typed items across pages)");
await foreach (var item in ddb.QueryItemsAsync(new QueryInput
{
    TableName = "music",
    KeyConditionExpression = "Artist = :a",
    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":a"] = new() { S = "Miles Davis" } },
}))
{
    Console.WriteLine($"  {item["Song"].S} ({item["Year"].N})");
}
try
{
    await ddb.GetItemAsync(new GetItemInput { TableName = "no-such-table", Key = new Dictionary<string, AttributeValue> { ["Artist"] = new() { S = "x" } } });
}
catch (ServiceException e) when (e is Stratus.Typed.DynamoDB.ResourceNotFoundException)
{
    Console.WriteLine($"== DynamoDB ResourceNotFoundException: {e.ErrorMessage}");
}
