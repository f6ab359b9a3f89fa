// Start-up probe: the first call (S3 HeadObject) as soon as the process starts, then SQS and DynamoDB, on the AWS SDK for .NET.
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using Stratus.Bench.Payloads;

var endpoint = args[0];
var credentials = new BasicAWSCredentials(Fixture.AccessKey, Fixture.SecretKey);
using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = Fixture.Region });
var head = await s3.GetObjectMetadataAsync(Fixture.Bucket, Fixture.SmallKey);
Console.WriteLine(head.ContentLength == Fixture.SmallSize ? "first-call" : "no-length");

using var sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = endpoint, AuthenticationRegion = Fixture.Region });
var sent = await sqs.SendMessageAsync(new SendMessageRequest(new Uri(endpoint).GetLeftPart(UriPartial.Authority) + Fixture.QueuePath, Fixture.MessageBody));
using var dynamodb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = Fixture.Region });
var query = await dynamodb.QueryAsync(new QueryRequest
{
    TableName = Fixture.Table,
    KeyConditionExpression = "Artist = :a",
    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":a"] = new AttributeValue { S = "Miles Davis" } },
});
Console.WriteLine(sent.MessageId is not null && query.Items.Count == Fixture.QueryItems ? "done" : "wrong-answer");
