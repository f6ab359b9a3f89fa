using System.Text;
using Stratus.Client;
using Stratus.Testing.Mock;
using Stratus.Typed.DynamoDB;
using Stratus.Typed.S3;
using Stratus.Typed.SQS;
using Ec2 = Stratus.Typed.EC2;
using Sts = Stratus.Typed.STS;

namespace Stratus.Generators.Tests.Typed;

/// <summary>The typed views this project generates for itself, called against the in-process mock cloud.</summary>
public sealed class TypedClientTests : IAsyncLifetime
{
    private readonly MockCloud _cloud = new();
    private ClientOptions Options => _cloud.ClientOptions("us-east-1");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task S3_put_get_list_and_a_modeled_error()
    {
        using var s3 = new S3Client(Options);
        await s3.CreateBucketAsync(new CreateBucketRequest { Bucket = "typed" });
        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            Bucket = "typed",
            Key = "a/hello.txt",
            Body = new MemoryStream(Encoding.UTF8.GetBytes("hello")),
            ContentType = "text/plain",
            StorageClass = StorageClass.StandardIa,
        });
        await s3.PutObjectAsync(new PutObjectRequest { Bucket = "typed", Key = "b.txt", Body = new MemoryStream([1, 2, 3]) });

        Assert.False(string.IsNullOrEmpty(put.ETag));
        Assert.NotNull(put.Native?["ResponseMetadata"]);   // the native result stays reachable

        var got = await s3.GetObjectAsync(new GetObjectRequest { Bucket = "typed", Key = "a/hello.txt" });
        using (var reader = new StreamReader(got.Body!))
        {
            Assert.Equal("hello", await reader.ReadToEndAsync());
        }
        Assert.Equal(5, got.ContentLength);
        Assert.Equal("text/plain", got.ContentType);
        Assert.Equal(put.ETag, got.ETag);
        Assert.Equal(StorageClass.StandardIa, got.StorageClass);

        var keys = new List<string>();
        await foreach (var o in s3.ListObjectsV2ContentsAsync(new ListObjectsV2Request { Bucket = "typed", MaxKeys = 1 }))
        {
            keys.Add(o.Key!);
            Assert.NotNull(o.LastModified);
        }
        Assert.Equal(["a/hello.txt", "b.txt"], keys);
        var pages = 0;
        foreach (var page in s3.ListObjectsV2Pages(new ListObjectsV2Request { Bucket = "typed", MaxKeys = 1 }))
        {
            pages++;
            Assert.Single(page.Contents!);
        }
        Assert.Equal(2, pages);

        var head = s3.HeadObject(new HeadObjectRequest { Bucket = "typed", Key = "b.txt" });   // the sync method
        Assert.Equal(3, head.ContentLength);

        var e = await Assert.ThrowsAsync<NoSuchKeyException>(() => s3.GetObjectAsync(new GetObjectRequest { Bucket = "typed", Key = "missing" }));
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("NoSuchKey", e.ErrorShape);
        Assert.Equal("s3", e.Service);
        Assert.Equal("GetObject", e.Operation);
        Assert.IsAssignableFrom<ServiceException>(e);   // existing catch (ServiceException) blocks still catch it
        Assert.Throws<NoSuchBucketException>(() => s3.GetObject(new GetObjectRequest { Bucket = "no-such-bucket", Key = "k" }));
    }

    [Fact]
    public async Task DynamoDB_put_query_get_and_a_modeled_error()
    {
        using var ddb = new DynamoDBClient(Options);
        await ddb.CreateTableAsync(new CreateTableInput
        {
            TableName = "music",
            AttributeDefinitions = [new() { AttributeName = "Artist", AttributeType = ScalarAttributeType.S }, new() { AttributeName = "Song", AttributeType = ScalarAttributeType.S }],
            KeySchema = [new() { AttributeName = "Artist", KeyType = KeyType.Hash }, new() { AttributeName = "Song", KeyType = KeyType.Range }],
            BillingMode = BillingMode.PayPerRequest,
        });
        foreach (var (artist, song, year) in new[] { ("Miles Davis", "So What", "1959"), ("Miles Davis", "Blue in Green", "1959"), ("Bill Evans", "Peace Piece", "1958") })
        {
            await ddb.PutItemAsync(new PutItemInput
            {
                TableName = "music",
                Item = new Dictionary<string, AttributeValue> { ["Artist"] = new() { S = artist }, ["Song"] = new() { S = song }, ["Year"] = new() { N = year }, ["Tags"] = new() { SS = ["jazz", "modal"] } },
            });
        }

        var songs = new List<string>();
        await foreach (var item in ddb.QueryItemsAsync(new QueryInput
        {
            TableName = "music",
            KeyConditionExpression = "Artist = :a",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":a"] = new() { S = "Miles Davis" } },
        }))
        {
            songs.Add(item["Song"].S!);
            Assert.Equal("1959", item["Year"].N);
            Assert.Equal(["jazz", "modal"], item["Tags"].SS!.Order());
        }
        Assert.Equal(["Blue in Green", "So What"], songs);

        var got = ddb.GetItem(new GetItemInput { TableName = "music", Key = new Dictionary<string, AttributeValue> { ["Artist"] = new() { S = "Bill Evans" }, ["Song"] = new() { S = "Peace Piece" } } });
        Assert.Equal("1958", got.Item!["Year"].N);
        var none = await ddb.GetItemAsync(new GetItemInput { TableName = "music", Key = new Dictionary<string, AttributeValue> { ["Artist"] = new() { S = "Nobody" }, ["Song"] = new() { S = "x" } } });
        Assert.Null(none.Item);   // absent, not empty: the JSON protocol tells them apart

        var e = await Assert.ThrowsAsync<Stratus.Typed.DynamoDB.ResourceNotFoundException>(() => ddb.GetItemAsync(new GetItemInput { TableName = "no-such-table", Key = new Dictionary<string, AttributeValue> { ["Artist"] = new() { S = "x" } } }));
        Assert.Equal(400, e.StatusCode);
        Assert.False(string.IsNullOrEmpty(e.ErrorMessage));
    }

    [Fact]
    public async Task SQS_send_receive_and_a_modeled_error_with_a_query_compatible_code()
    {
        using var sqs = new SQSClient(Options);
        var queue = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "typed", Attributes = new Dictionary<string, string> { ["VisibilityTimeout"] = "30" } });
        var sent = await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = queue.QueueUrl!,
            MessageBody = "hello",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["kind"] = new() { DataType = "String", StringValue = "greeting" } },
        });
        Assert.False(string.IsNullOrEmpty(sent.MessageId));

        var received = sqs.ReceiveMessage(new ReceiveMessageRequest { QueueUrl = queue.QueueUrl!, MaxNumberOfMessages = 10, MessageAttributeNames = ["All"] });
        var message = Assert.Single(received.Messages!);
        Assert.Equal("hello", message.Body);
        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.Equal("greeting", message.MessageAttributes!["kind"].StringValue);

        // SQS answers AWS.SimpleQueueService.NonExistentQueue: the type comes from the matched shape, not the wire code.
        var e = await Assert.ThrowsAsync<QueueDoesNotExistException>(() => sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = "no-such-queue" }));
        Assert.Equal("QueueDoesNotExist", e.ErrorShape);
    }

    [Fact]
    public async Task EC2_key_pairs_and_instances_through_a_typed_paginator()
    {
        using var ec2 = new Ec2.EC2Client(Options);
        var created = await ec2.CreateKeyPairAsync(new Ec2.CreateKeyPairRequest { KeyName = "alice" });
        await ec2.CreateKeyPairAsync(new Ec2.CreateKeyPairRequest { KeyName = "bob" });
        Assert.False(string.IsNullOrEmpty(created.KeyMaterial));

        var keys = await ec2.DescribeKeyPairsAsync();   // no member is required: the request is optional
        Assert.Equal(["alice", "bob"], keys.KeyPairs!.Select(k => k.KeyName!).Order());
        Assert.Equal(created.KeyFingerprint, keys.KeyPairs!.Single(k => k.KeyName == "alice").KeyFingerprint);

        var run = await ec2.RunInstancesAsync(new Ec2.RunInstancesRequest { ImageId = "ami-12345678", InstanceType = Ec2.InstanceType.T3Micro, MinCount = 2, MaxCount = 2 });
        Assert.Equal(2, run.Instances!.Count);
        var instances = new List<Ec2.Instance>();
        await foreach (var reservation in ec2.DescribeInstancesItemsAsync())
        {
            instances.AddRange(reservation.Instances ?? []);
        }
        Assert.Equal(run.Instances.Select(i => i.InstanceId).Order(), instances.Select(i => i.InstanceId).Order());
        Assert.All(instances, i => Assert.Equal(Ec2.InstanceType.T3Micro, i.InstanceType));
        Assert.All(instances, i => Assert.True(i.LaunchTime > DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task A_sensitive_member_is_never_printed()
    {
        using var sts = new Sts.STSClient(Options);
        var token = await sts.GetSessionTokenAsync();
        var secret = token.Credentials!.SecretAccessKey;

        Assert.False(string.IsNullOrEmpty(secret));
        Assert.DoesNotContain(secret, token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, token.Credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey = (sensitive)", token.Credentials.ToString(), StringComparison.Ordinal);
        Assert.Contains("AccessKeyId = " + token.Credentials.AccessKeyId, token.Credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_client_refuses_another_services_client()
    {
        using var sqs = Aws.Connect("sqs", Options);
        var e = Assert.Throws<ArgumentException>(() => new S3Client(sqs));
        Assert.Contains("'s3'", e.Message, StringComparison.Ordinal);
    }
}
