// Start-up probe: the first call (S3 HeadObject) as soon as the process starts, then SQS and DynamoDB, on Stratus.
using System.Text.Json.Nodes;
using Stratus;
using Stratus.Bench.Payloads;
using Stratus.Client;
using Stratus.Credentials;

var options = new ClientOptions
{
    EndpointUrl = new Uri(args[0]),
    Region = Fixture.Region,
    Credentials = new AwsCredentials(Fixture.AccessKey, Fixture.SecretKey),
};
using var s3 = Aws.Connect("s3", options);
var head = await s3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.SmallKey });
Console.WriteLine(head["ContentLength"] is not null ? "first-call" : "no-length");

using var sqs = Aws.Connect("sqs", options);
var queueUrl = options.EndpointUrl.GetLeftPart(UriPartial.Authority) + Fixture.QueuePath;
var sent = await sqs.CallAsync("SendMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["MessageBody"] = Fixture.MessageBody });
using var dynamodb = Aws.Connect("dynamodb", options);
var query = await dynamodb.CallAsync("Query", new JsonObject
{
    ["TableName"] = Fixture.Table,
    ["KeyConditionExpression"] = "Artist = :a",
    ["ExpressionAttributeValues"] = new JsonObject { [":a"] = new JsonObject { ["S"] = "Miles Davis" } },
});
Console.WriteLine(sent["MessageId"] is not null && query["Items"]!.AsArray().Count == Fixture.QueryItems ? "done" : "wrong-answer");
