using System.Diagnostics;
using System.Text.Json.Nodes;
using Stratus.Bench.Client;
using Stratus.Bench.Payloads;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Endpoints;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Signing;

namespace Stratus.Bench.Profiling;

/// <summary>
/// Where an S3 HeadObject's bytes and time go in Stratus: the whole call (sync, in-memory transport) next to
/// each of its stages run alone (the client's own internal pieces, as ServiceClient strings them together),
/// plus the allocating types sampled over the whole call. <c>Stratus.Bench profile [iterations]</c>.
/// </summary>
internal static class HeadObjectProfile
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:8080");

    public static void Run(int iterations)
    {
        var credentials = new AwsCredentials(Fixture.AccessKey, Fixture.SecretKey);
        var options = new ClientOptions { EndpointUrl = Endpoint, Region = Fixture.Region, Credentials = credentials, Transport = new CannedHandler() };
        var client = Aws.Connect("s3", options);
        var models = ModelLoader.Default;
        var model = models.LoadService("s3");
        var protocol = ProtocolRegistry.For(model);
        var op = model.GetOperation("HeadObject");
        var rules = EndpointRuleSet.Load(models.LoadRuleSet("s3")!.Value, Partitions.Load(models.LoadData("_partitions")));
        var endpoints = new EndpointCache(rules, model, Fixture.Region);
        var handler = new HttpMessageInvoker(new CannedHandler());
        JsonObject Input() => new() { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.SmallKey };
        var input = Input();
        var serialized = protocol.SerializeRequest(op, input);
        var endpoint = endpoints.Resolve(options, op, input);
        // As ServiceClient.StripBucketLabel leaves it: the bucket is in the endpoint (path style).
        serialized.Path = serialized.Path[("/" + Fixture.Bucket).Length..];

        var raw = Raw(handler);
        using var canned = handler.Send(new HttpRequestMessage(HttpMethod.Head, Endpoint), CancellationToken.None);
        var floorSigner = new Stratus.Bench.Floor.FloorSigner(Fixture.AccessKey, Fixture.SecretKey, Fixture.Region, "s3");
        var floor = new Stratus.Bench.Floor.FloorClient(Endpoint, Fixture.Region, Fixture.AccessKey, Fixture.SecretKey, new CannedHandler());
        const string build = "HttpRequestMessage build (ServiceClient.BuildRequest)";

        // (name, body, the stage whose cost the body includes and the table subtracts)
        var stages = new (string Name, Action Body, string? Minus)[]
        {
            ("whole call: ServiceClient.Call(\"HeadObject\")", () => client.Call("HeadObject", Input()), null),
            ("input JsonObject (the caller's)", () => Input(), null),
            ("InputValidator.Validate", () => InputValidator.Validate(op, input), null),
            ("RestXmlProtocol.SerializeRequest", () => protocol.SerializeRequest(op, input), null),
            ("endpoint: EndpointCache.Resolve (the client's cache; a hit)", () => endpoints.Resolve(options, op, input), null),
            ("attempt timeout: AttemptTimeout.Rent + CancelAfter + Return", Timeout, null),
            (build, () => ServiceClient.BuildRequest(serialized, endpoint, http2: false).Dispose(), null),
            ("SigV4Signer.Sign(HttpRequestMessage), options as ServiceClient.SignAsync makes them", () =>
            {
                using var request = ServiceClient.BuildRequest(serialized, endpoint, http2: false);
                SigV4Signer.Sign(request, credentials, new SigV4Options
                {
                    Region = endpoint.SigningRegion,
                    Service = endpoint.SigningName,
                    Time = DateTimeOffset.UtcNow,
                    PayloadHash = PayloadHash.Compute(serialized.Body),
                    S3Variant = true,
                    DoubleEncodePath = false,
                    NormalizePath = false,
                });
            }, build),
            ("transport: HttpMessageInvoker.Send, canned response", () => handler.Send(ServiceClient.BuildRequest(serialized, endpoint, http2: false), CancellationToken.None).Dispose(), build),
            ("response headers → Dictionary (ResponseReader.Headers)", () => ResponseReader.Headers(canned), null),
            ("RestXmlProtocol.ParseResponse", () => protocol.ParseResponse(op, raw), null),
            ("ResponseMetadata incl. HTTPHeaders (ServiceClient.AddMetadata)", () => ServiceClient.AddMetadata([], raw), null),
            ("reference: floor FloorSigner.Sign", () =>
            {
                using var request = ServiceClient.BuildRequest(serialized, endpoint, http2: false);
                floorSigner.Sign(request, FloorEmptyHash, null, DateTime.UtcNow);
            }, build),
            ("reference: floor whole call (HeadObjectAsync)", () => floor.HeadObjectAsync(Fixture.Bucket, Fixture.SmallKey).GetAwaiter().GetResult(), null),
        };

        Console.WriteLine($"S3 HeadObject, {iterations} iterations per stage after warm-up (sync, in-memory transport, one thread).");
        Console.WriteLine("Each stage is run alone with the client's own pieces, as ServiceClient strings them together;");
        Console.WriteLine("rows marked * have the request build subtracted. What the stages do not add up to is the client's own glue.");
        Console.WriteLine();
        Console.WriteLine("| Stage | bytes/call | ns/call |");
        Console.WriteLine("|---|---:|---:|");
        var measured = new Dictionary<string, (double Bytes, double Ns)>();
        foreach (var (name, body, minus) in stages)
        {
            for (var i = 0; i < Math.Min(iterations, 2000); i++)
            {
                body();
            }
            GC.Collect();
            var bytes0 = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                body();
            }
            var elapsed = Stopwatch.GetElapsedTime(start);
            var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - bytes0) / iterations;
            var ns = elapsed.TotalNanoseconds / iterations;
            if (minus is not null)
            {
                bytes -= measured[minus].Bytes;
                ns -= measured[minus].Ns;
            }
            measured[name] = (bytes, ns);
            Console.WriteLine($"| {name}{(minus is null ? "" : " *")} | {bytes:N0} | {ns:N0} |");
        }
        var parts = measured.Where(m => !m.Key.StartsWith("whole", StringComparison.Ordinal) && !m.Key.StartsWith("reference", StringComparison.Ordinal) && !m.Key.StartsWith("input", StringComparison.Ordinal)).ToList();
        var whole = measured.First(m => m.Key.StartsWith("whole", StringComparison.Ordinal)).Value;
        var input0 = measured.First(m => m.Key.StartsWith("input", StringComparison.Ordinal)).Value;
        Console.WriteLine($"| rest: client glue (async state, AttemptOutcome, ResolvedEndpoint, options, ...) | {whole.Bytes - input0.Bytes - parts.Sum(p => p.Value.Bytes):N0} | {whole.Ns - input0.Ns - parts.Sum(p => p.Value.Ns):N0} |");

        using var sampler = new AllocationSampler();
        sampler.Start();
        for (var i = 0; i < iterations * 4; i++)
        {
            client.Call("HeadObject", Input());
        }
        sampler.Stop();
        Console.WriteLine();
        Console.WriteLine("Allocating types in the whole call (GC allocation ticks, ~1 per 100 KB):");
        Console.WriteLine("| Type | share of bytes |");
        Console.WriteLine("|---|---:|");
        foreach (var (type, share) in sampler.Top(20))
        {
            Console.WriteLine($"| `{type}` | {share:P1} |");
        }
    }

    private const string FloorEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static void Timeout()
    {
        var timeout = AttemptTimeout.Rent(CancellationToken.None);
        timeout.CancelAfter(TimeSpan.FromSeconds(100));
        AttemptTimeout.Return(timeout, reusable: true);
    }

    private static RawResponse Raw(HttpMessageInvoker handler)
    {
        using var response = handler.Send(new HttpRequestMessage(HttpMethod.Head, Endpoint), CancellationToken.None);
        return new RawResponse(200, ResponseReader.Headers(response), ReadOnlyMemory<byte>.Empty);
    }
}
