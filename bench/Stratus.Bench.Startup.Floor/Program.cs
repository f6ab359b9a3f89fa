// Start-up probe: the first call (S3 HeadObject) as soon as the process starts, then SQS and DynamoDB, on the floor client.
using Stratus.Bench.Floor;
using Stratus.Bench.Payloads;

var endpoint = new Uri(args[0]);
using var client = new FloorClient(endpoint, Fixture.Region, Fixture.AccessKey, Fixture.SecretKey);
var head = await client.HeadObjectAsync(Fixture.Bucket, Fixture.SmallKey);
Console.WriteLine(head.ContentLength == Fixture.SmallSize ? "first-call" : "no-length");

var sent = await client.SendMessageAsync(endpoint.GetLeftPart(UriPartial.Authority) + Fixture.QueuePath, Fixture.MessageBody);
var items = await client.QueryAsync(Fixture.Table, "Artist", "Miles Davis");
Console.WriteLine(sent.Length > 0 && items.Count == Fixture.QueryItems ? "done" : "wrong-answer");
