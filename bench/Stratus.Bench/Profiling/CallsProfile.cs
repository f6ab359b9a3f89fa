using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Stratus.Bench.Payloads;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Protocols;

namespace Stratus.Bench.Profiling;

/// <summary>
/// Bytes and time per whole call of the small-request scenarios, as the harness makes them (async, the body of a
/// GetObject read to its end) but against an in-memory transport that answers as the bench endpoint does.
/// Public API only, so the same file measures an older Stratus too. <c>Stratus.Bench profile [n] calls</c>.
/// </summary>
internal static class CallsProfile
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:8080");

    public static void Run(int iterations)
    {
        var options = new ClientOptions
        {
            EndpointUrl = Endpoint,
            Region = Fixture.Region,
            Credentials = new AwsCredentials(Fixture.AccessKey, Fixture.SecretKey),
            Transport = new BenchLikeHandler(),
        };
        using var s3 = Aws.Connect("s3", options);
        using var sqs = Aws.Connect("sqs", options);
        var queueUrl = Endpoint.GetLeftPart(UriPartial.Authority) + Fixture.QueuePath;
        var small = new byte[Fixture.SmallSize];
        var sink = new byte[4096];
        var cases = new (string Name, Func<Task> Body)[]
        {
            ("S3 HeadObject", async () =>
                _ = (await s3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.SmallKey }).ConfigureAwait(false))["ContentLength"]),
            ("S3 GetObject 1 KiB (body read)", async () =>
            {
                var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.SmallKey }).ConfigureAwait(false);
                await using var body = got["Body"]!.GetValue<Stream>();
                while (await body.ReadAsync(sink).ConfigureAwait(false) > 0)
                {
                }
            }),
            ("S3 PutObject 1 KiB", async () =>
                _ = (await s3.CallAsync("PutObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.PutKey, ["Body"] = NativeValues.Blob(small) }).ConfigureAwait(false))["ETag"]),
            ("SQS SendMessage", async () =>
                _ = (await sqs.CallAsync("SendMessage", new JsonObject { ["QueueUrl"] = queueUrl, ["MessageBody"] = Fixture.MessageBody }).ConfigureAwait(false))["MessageId"]),
        };
        Console.WriteLine();
        Console.WriteLine($"Whole calls (CallAsync, in-memory transport answering as the bench endpoint), {iterations} iterations per row after warm-up.");
        Console.WriteLine();
        Console.WriteLine("| Call | bytes/call | ns/call |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, body) in cases)
        {
            for (var i = 0; i < Math.Min(iterations, 2000); i++)
            {
                body().GetAwaiter().GetResult();
            }
            GC.Collect();
            var bytes0 = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                body().GetAwaiter().GetResult();
            }
            var elapsed = Stopwatch.GetElapsedTime(start);
            Console.WriteLine($"| {name} | {(double)(GC.GetAllocatedBytesForCurrentThread() - bytes0) / iterations:N0} | {elapsed.TotalNanoseconds / iterations:N0} |");
        }
    }

    /// <summary>Answers S3 HEAD/GET/PUT and SQS SendMessage as Stratus.Bench.Endpoint does, from memory.</summary>
    private sealed class BenchLikeHandler : HttpMessageHandler
    {
        private static readonly byte[] Small = Enumerable.Range(0, Fixture.SmallSize).Select(i => (byte)(i * 7)).ToArray();
        private static readonly byte[] Sent = SqsPayloads.SendMessage(Fixture.MessageBody, Guid.Parse("0b6e1d33-5c0e-4a8e-9d7f-2a4c6e8f0a1b"));

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Respond(request);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Respond(request));

        private static HttpResponseMessage Respond(HttpRequestMessage request)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
            if (request.Method == HttpMethod.Post)
            {
                response.Content = new ByteArrayContent(Sent);
                response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "6fde8d1e-52cd-4581-8cd9-c512f4c64223");
                response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
                return response;
            }
            response.Headers.TryAddWithoutValidation("x-amz-request-id", "4442587FB7D0A2F9");
            response.Headers.TryAddWithoutValidation("x-amz-id-2", "vlR7PnpV2Ce81puvHd1bvLP4v6+FQWn1vBq0L4Kt1Y6LAbpbx4cH8sM1vC8dC6RqpoE7Vs3c9pM=");
            response.Headers.TryAddWithoutValidation("ETag", Fixture.ETag);
            response.Headers.TryAddWithoutValidation("x-amz-server-side-encryption", "AES256");
            if (request.Method == HttpMethod.Put)
            {
                response.Content = new ByteArrayContent([]);
                return response;
            }
            response.Headers.TryAddWithoutValidation("Accept-Ranges", "bytes");
            response.Content = new ByteArrayContent(request.Method == HttpMethod.Head ? [] : Small);
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/octet-stream");
            response.Content.Headers.TryAddWithoutValidation("Last-Modified", "Mon, 03 Nov 2025 09:30:00 GMT");
            response.Content.Headers.ContentLength = Fixture.SmallSize;
            return response;
        }
    }
}
