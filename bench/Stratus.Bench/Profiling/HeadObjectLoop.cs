using System.Diagnostics;
using System.Text.Json.Nodes;
using Stratus.Bench.Client;
using Stratus.Bench.Payloads;
using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Bench.Profiling;

/// <summary>Calls S3 HeadObject through Stratus (in-memory transport) for a while, for a CPU profiler to sample.</summary>
internal static class HeadObjectLoop
{
    public static void Run(TimeSpan duration)
    {
        using var client = Aws.Connect("s3", new ClientOptions
        {
            EndpointUrl = new Uri("http://127.0.0.1:8080"),
            Region = Fixture.Region,
            Credentials = new AwsCredentials(Fixture.AccessKey, Fixture.SecretKey),
            Transport = new CannedHandler(),
        });
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < duration)
        {
            client.CallAsync("HeadObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.SmallKey }).GetAwaiter().GetResult();
            calls++;
        }
        Console.WriteLine($"{calls} calls, {watch.Elapsed.TotalMicroseconds / calls:0.0} µs/call");
    }
}
