using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Stratus.RealClients.Tests;

/// <summary>The AWS SDK for .NET (AWSSDK.* from NuGet) against `stratus mock serve`.</summary>
public sealed class AwsSdkTests(MockServeFixture mock) : IClassFixture<MockServeFixture>
{
    private static readonly BasicAWSCredentials Credentials = new("test", "test");

    private T Config<T>(T config) where T : ClientConfig
    {
        config.ServiceURL = mock.Endpoint;
        config.AuthenticationRegion = "us-east-1";
        config.MaxErrorRetry = 0;
        return config;
    }

    [Fact]
    public async Task S3ObjectsMultipartAndPresignedPut()
    {
        using var s3 = new AmazonS3Client(Credentials, Config(new AmazonS3Config { ForcePathStyle = true }));
        var bucket = "sdk-" + Guid.NewGuid().ToString("N")[..10];
        await s3.PutBucketAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "small.txt", ContentBody = "hello from the AWS SDK", ContentType = "text/plain" });
        using (var got = await s3.GetObjectAsync(bucket, "small.txt"))
        using (var reader = new StreamReader(got.ResponseStream))
        {
            Assert.Equal("hello from the AWS SDK", await reader.ReadToEndAsync());
            Assert.Equal("text/plain", got.Headers.ContentType);
        }

        var part = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        var upload = await s3.InitiateMultipartUploadAsync(bucket, "multi.bin");
        var etags = new List<PartETag>();
        for (var i = 1; i <= 2; i++)
        {
            var p = await s3.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = "multi.bin", UploadId = upload.UploadId, PartNumber = i, InputStream = new MemoryStream(part) });
            etags.Add(new PartETag(i, p.ETag));
        }
        var done = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = "multi.bin", UploadId = upload.UploadId, PartETags = etags });
        Assert.EndsWith("-2\"", done.ETag, StringComparison.Ordinal);
        var meta = await s3.GetObjectMetadataAsync(bucket, "multi.bin");
        Assert.Equal(2L * part.Length, meta.ContentLength);

        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = bucket, Key = "presigned.txt", Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Amazon.S3.Protocol.HTTP });
        using var http = new HttpClient();
        (await http.PutAsync(url, new StringContent("put through a presigned URL"))).EnsureSuccessStatusCode();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Equal(["multi.bin", "presigned.txt", "small.txt"], listed.S3Objects.Select(o => o.Key).Order(StringComparer.Ordinal));

        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(bucket, "nope"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
        foreach (var key in new[] { "multi.bin", "presigned.txt", "small.txt" })
        {
            await s3.DeleteObjectAsync(bucket, key);
        }
        await s3.DeleteBucketAsync(bucket);
    }

    [Fact]
    public async Task Ec2KeyPairsAndInstances()
    {
        using var ec2 = new AmazonEC2Client(Credentials, Config(new AmazonEC2Config()));
        var name = "sdk-key-" + Guid.NewGuid().ToString("N")[..8];
        var created = await ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = name });
        Assert.StartsWith("-----BEGIN", created.KeyPair.KeyMaterial, StringComparison.Ordinal);
        var described = await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = [name] });
        Assert.Equal(created.KeyPair.KeyFingerprint, described.KeyPairs.Single().KeyFingerprint);
        var duplicate = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateKeyPairAsync(new CreateKeyPairRequest { KeyName = name }));
        Assert.Equal("InvalidKeyPair.Duplicate", duplicate.ErrorCode);

        var run = await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, KeyName = name });
        var id = run.Reservation.Instances.Single().InstanceId;
        var stopped = await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        Assert.Equal("stopping", stopped.StoppingInstances.Single().CurrentState.Name.Value);
        await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyName = name });
    }

    [Fact]
    public async Task SqsOverJson()
    {
        using var sqs = new AmazonSQSClient(Credentials, Config(new AmazonSQSConfig()));
        var url = (await sqs.CreateQueueAsync("sdk-" + Guid.NewGuid().ToString("N")[..10])).QueueUrl;
        var sent = await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = url,
            MessageBody = "hello over JSON",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["a"] = new() { DataType = "String", StringValue = "x" } },
        });
        Assert.Equal("a512aac9938034acb0b3c3d965944bf1", sent.MD5OfMessageAttributes);
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, WaitTimeSeconds = 1, MessageAttributeNames = ["All"] });
        Assert.Equal("hello over JSON", received.Messages.Single().Body);
        await sqs.DeleteMessageAsync(url, received.Messages.Single().ReceiptHandle);
        await sqs.DeleteQueueAsync(url);
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => sqs.GetQueueUrlAsync("definitely-not-there"));
    }

    [Fact]
    public async Task DynamoDbItemsQueryAndConditions()
    {
        using var ddb = new AmazonDynamoDBClient(Credentials, Config(new AmazonDynamoDBConfig()));
        var table = "sdk-" + Guid.NewGuid().ToString("N")[..10];
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.N)],
            KeySchema = [new("pk", Amazon.DynamoDBv2.KeyType.HASH), new("sk", Amazon.DynamoDBv2.KeyType.RANGE)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        for (var i = 0; i < 5; i++)
        {
            await ddb.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "p" }, ["sk"] = new() { N = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }
        var query = await ddb.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :p AND sk >= :s",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = new() { S = "p" }, [":s"] = new() { N = "3" } },
        });
        Assert.Equal(2, query.Count);
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => ddb.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "p" }, ["sk"] = new() { N = "1" } },
            ConditionExpression = "attribute_not_exists(pk)",
        }));
        await ddb.DeleteTableAsync(table);
    }

    [Fact]
    public async Task StsAssumedRoleCredentialsWorkAgainstTheMock()
    {
        using var sts = new AmazonSecurityTokenServiceClient(Credentials, Config(new AmazonSecurityTokenServiceConfig()));
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::000000000000:role/tester", RoleSessionName = "s1" });
        using var asRole = new AmazonSecurityTokenServiceClient(assumed.Credentials, Config(new AmazonSecurityTokenServiceConfig()));
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Contains("assumed-role/tester/s1", identity.Arn, StringComparison.Ordinal);
    }
}
